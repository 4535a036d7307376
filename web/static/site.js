// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // A passage link (/decisions/MD2848#p-2.7) lands on the paragraph; moving focus there too means a
  // keyboard or screen-reader user continues from that paragraph, not from the top of the page.
  function focusTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target || !target.classList.contains("para")) return;
    target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
    // A short paragraph is easier to read with its neighbours around it; a long one from its top.
    var fits = target.getBoundingClientRect().height < window.innerHeight * 0.6;
    target.scrollIntoView({ block: fits ? "center" : "start" });
  }

  // Empty filter fields would otherwise fill the address with "&type=&date_from=…"; leaving them out
  // keeps result links short enough to paste into an email or an FOI response.
  function dropEmptyFields(event) {
    var form = event.target;
    Array.prototype.forEach.call(document.querySelectorAll('[form="' + form.id + '"], #' + form.id + " [name]"), function (el) {
      var isDefault = (el.name === "mode" && el.value === "hybrid") || (el.name === "sort" && el.value === "relevance");
      if (el.name && el.name !== "q" && (el.value === "" || isDefault)) el.disabled = true;
    });
  }

  // GOV.UK error summary: read first, and each of its links puts the cursor in the field it names.
  function focusErrorSummary() {
    var summary = document.querySelector(".error-summary");
    if (!summary) return;
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var field = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!field) return;
      event.preventDefault();
      var details = field.closest("details");
      if (details) details.open = true;
      field.focus();
    });
  }

  // "Cite as: MD2848, paragraph 2.5, <link>" under each paragraph becomes a button that copies it.
  // Without the Clipboard API (an insecure page, an old browser) the text stays shown to select by hand.
  function copyCitationButtons() {
    var status = document.getElementById("copy-status");
    if (!navigator.clipboard || !status) return;
    Array.prototype.forEach.call(document.querySelectorAll(".para__cite[data-citation]"), function (cite) {
      var text = cite.getAttribute("data-citation");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "para__cite-button";
      button.textContent = "Copy citation";
      // Many buttons share the words: the name says which paragraph's citation each one copies.
      button.setAttribute("aria-label", "Copy citation: " + text.split(", http")[0]);
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(text).then(function () {
          status.textContent = "Citation copied: " + text;
        }, function () {
          status.textContent = "Could not copy; the citation is: " + text;
        });
      });
      cite.textContent = "";
      cite.appendChild(button);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    focusTarget();
    copyCitationButtons();
    focusErrorSummary();
    var search = document.getElementById("search");
    if (search) search.addEventListener("submit", dropEmptyFields);
  });
  window.addEventListener("hashchange", focusTarget);
  // Coming back with the Back button restores the page as it was, disabled fields included.
  window.addEventListener("pageshow", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[disabled][name]"), function (el) { el.disabled = false; });
  });
})();
