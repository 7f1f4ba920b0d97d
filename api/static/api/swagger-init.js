// Starts Swagger UI on the API documentation page (no inline script: the CSP forbids it).
(function () {
  "use strict";
  var element = document.getElementById("swagger-ui");
  if (!element || typeof SwaggerUIBundle === "undefined") {
    return;
  }
  var csrf = document.cookie.match(/(?:^|; )csrftoken=([^;]*)/);
  SwaggerUIBundle({
    url: element.dataset.skjema,
    dom_id: "#swagger-ui",
    // Off: with deep links the path is a link inside the operation's button, which screen
    // readers cannot reach (nested interactive controls, WCAG 4.1.2).
    deepLinking: false,
    supportedSubmitMethods: ["get", "head"],
    requestInterceptor: function (request) {
      if (csrf) {
        request.headers["X-CSRFToken"] = decodeURIComponent(csrf[1]);
      }
      return request;
    },
  });
})();
