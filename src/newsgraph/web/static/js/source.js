// Source view: centre the marked span.
"use strict";
(function () {
  var hit = document.getElementById("hit");
  if (hit) hit.scrollIntoView({ block: "center" });
})();
