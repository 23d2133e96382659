// A credit's character is searched among the characters of the work chosen beside it: the
// admin's autocomplete is told the row's work, and the server keeps to it. Without a work chosen,
// every character is offered, labelled with its work. The model still refuses a mismatch.
(function () {
  "use strict";
  if (!window.django || !django.jQuery) { return; }
  var $ = django.jQuery;
  var chosenWork = "";

  function workBeside(select) {
    var row = select.closest("tr, fieldset, .form-row");
    var prefix = select.name.replace(/character$/, "");
    var work = row && row.querySelector("select[name='" + prefix + "work']");
    work = work || document.querySelector("select[name='" + prefix + "work']");
    return work ? work.value : "";
  }

  $(document).on("select2:opening", "select[name$='character']", function () {
    chosenWork = workBeside(this);
  });

  // Prefilters run once the query is a string and before it joins the address.
  $.ajaxPrefilter(function (options) {
    if (!options.url || options.url.indexOf("/autocomplete/") === -1 || typeof options.data !== "string") { return; }
    if (!/(^|&)field_name=character(&|$)/.test(options.data) || !chosenWork) { return; }
    options.data += "&work=" + encodeURIComponent(chosenWork);
  });
})();
