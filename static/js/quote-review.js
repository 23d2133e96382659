// Keys for the quote review table (admin/articles/article/quote_review.html): j or ArrowDown and
// k or ArrowUp move between quotes, c confirms and r rejects the quote in focus, by pressing that
// row's own button, so a key does exactly what a click does. Every button works without this
// script. After a decision the page comes back with the row in its address (#quote-12) or, when
// the decision was refused, named in the table's data-focus; the row is focused again.
(function () {
  "use strict";

  var table = document.getElementById("quote-review");
  if (!table) { return; }
  var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr.qr-row"));
  if (!rows.length) { return; }
  var help = document.getElementById("quote-review-keys");
  if (help) { help.hidden = false; }

  var BUTTONS = { c: "confirm", r: "reject" };
  var MOVES = { j: 1, ArrowDown: 1, k: -1, ArrowUp: -1 };
  var submitting = false;

  // Keys typed into a field, a select or the speaker search belong to that control.
  function typing(target) {
    return Boolean(target.closest && target.closest("input, select, textarea, [contenteditable], .select2-container"));
  }

  function currentRow() {
    var active = document.activeElement;
    return active && active.closest ? active.closest("tr.qr-row") : null;
  }

  function move(step) {
    var at = rows.indexOf(currentRow());
    var next = at === -1 ? (step > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, at + step));
    rows[next].focus();
  }

  function press(value) {
    var row = currentRow();
    var button = row && row.querySelector('button[value="' + value + '"]');
    if (button && !button.disabled && !submitting) {
      submitting = true;
      button.click();
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) {
      return;
    }
    var key = event.key;
    // The arrows scroll the page as usual until a row has the focus; j and k start from anywhere.
    if (MOVES[key] && (key.length === 1 || currentRow())) {
      event.preventDefault();
      move(MOVES[key]);
    } else if (BUTTONS[key] && currentRow()) {
      event.preventDefault();
      press(BUTTONS[key]);
    }
  });

  // Coming back to the page from the browser's history: the earlier submit is long done.
  window.addEventListener("pageshow", function () { submitting = false; });

  var wanted = window.location.hash ? window.location.hash.slice(1) : "";
  if (!wanted && table.dataset.focus) { wanted = "quote-" + table.dataset.focus; }
  var row = wanted && document.getElementById(wanted);
  if (row && rows.indexOf(row) !== -1) { row.focus(); }
})();
