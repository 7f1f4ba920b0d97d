// Begrunne (concept notes): the print view's «Print» button. No inline scripts (CSP).
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-skriv-ut]")) window.print();
  });
})();
