// Accessible names for admin form controls that Django and its bundled select2 leave unnamed
// (found by axe in tests/browser/test_accessibility.py):
// - fields in tabular inlines sit in table cells under a column header but have no <label>;
// - the date and time halves of a split date-time field share one label that points at neither;
// - select2's autocomplete widgets name themselves after their current value, so an empty one
//   has no name, and a multiple one's search box has none at all.
// Each such control gets an aria-label from its label or column header. Controls that already
// have a name are left alone, and the pass runs again whenever the form changes (a row added, a
// select2 widget drawn or redrawn).
(function () {
  "use strict";

  function clean(text) {
    return (text || "").replace(/\s+/g, " ").replace(/[\s:*]+$/, "").trim();
  }

  function explicitLabel(field) {
    if (!field.id) { return null; }
    return document.querySelector('label[for="' + CSS.escape(field.id) + '"]');
  }

  function hasName(field) {
    return Boolean(field.getAttribute("aria-label") || field.getAttribute("aria-labelledby") ||
      field.closest("label") || explicitLabel(field));
  }

  function columnHeader(cell) {
    var table = cell.closest("table");
    if (!table || !table.tHead) { return ""; }
    var index = Array.prototype.indexOf.call(cell.parentNode.children, cell);
    var header = table.tHead.rows[0] && table.tHead.rows[0].cells[index];
    if (!header) { return ""; }
    var copy = header.cloneNode(true);
    copy.querySelectorAll("img").forEach(function (img) { img.remove(); });
    return clean(copy.textContent);
  }

  // The words that name ``field``: its own label, its column header in a tabular inline, or the
  // label of the form row it is part of (for the halves of a split date-time field).
  function nameFor(field) {
    var label = explicitLabel(field);
    if (label) { return clean(label.textContent); }
    var cell = field.closest("td");
    if (cell) { return columnHeader(cell); }
    var row = field.closest(".fieldBox, .form-row");
    var rowLabel = row && row.querySelector("label");
    if (!rowLabel) { return ""; }
    var name = clean(rowLabel.textContent);
    if (field.classList.contains("vDateField")) { return name + ", date"; }
    if (field.classList.contains("vTimeField")) { return name + ", time"; }
    return name;
  }

  function nameControls(root) {
    root.querySelectorAll("input:not([type=hidden]), select, textarea").forEach(function (field) {
      if (field.closest(".empty-form") || field.classList.contains("select2-search__field")) { return; }
      if (!hasName(field)) {
        var name = nameFor(field);
        if (name) { field.setAttribute("aria-label", name); }
      }
    });
  }

  function nameSelect2(root) {
    root.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var container = select.nextElementSibling;
      if (!container || !container.classList.contains("select2")) { return; }
      var name = explicitLabel(select) ? clean(explicitLabel(select).textContent) : nameFor(select);
      if (!name) { return; }
      var combobox = container.querySelector(".select2-selection[role=combobox]");
      if (combobox && combobox.getAttribute("aria-label") !== name) {
        // select2 points aria-labelledby at its rendered value, which is empty until something
        // is chosen; the value stays readable as the textbox's content.
        combobox.removeAttribute("aria-labelledby");
        combobox.setAttribute("aria-label", name);
      }
      container.querySelectorAll(".select2-selection__rendered[role=textbox], .select2-search__field")
        .forEach(function (element) {
          if (element.getAttribute("aria-label") !== name) { element.setAttribute("aria-label", name); }
        });
      // The "remove all" cross is a mouse-only shortcut drawn inside the list of choices.
      container.querySelectorAll(".select2-selection__clear").forEach(function (cross) {
        cross.setAttribute("aria-hidden", "true");
      });
    });
  }

  var pending = false;
  function run() {
    pending = false;
    var form = document.getElementById("content-main") || document.body;
    nameControls(form);
    nameSelect2(form);
  }
  function schedule() {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(run);
    }
  }

  run();
  window.addEventListener("load", schedule);
  document.addEventListener("formset:added", schedule);
  new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true });
})();
