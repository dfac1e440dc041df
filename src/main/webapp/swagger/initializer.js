// Swagger UI for our own document (../openapi.json, relative so that any context root works).
// "Authorize" offers Basic and Bearer (the document's security schemes); "Try it out" then sends
// the Authorization header from this page. Requests say X-Requested-With, so a 401 carries no
// Basic challenge and the browser does not put its own login dialog over the page.
window.ui = SwaggerUIBundle({
  url: new URL('../openapi.json', document.baseURI).href,
  dom_id: '#swagger-ui',
  deepLinking: true,
  requestInterceptor: (request) => {
    request.headers['X-Requested-With'] = 'XMLHttpRequest';
    return request;
  },
});
