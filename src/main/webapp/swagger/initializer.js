// Swagger UI for our own document (../openapi.json, relative so that any context root works).
// "Authorize" offers Basic and Bearer (the document's security schemes); "Try it out" then sends
// the Authorization header from this page. Requests say X-Requested-With, so a 401 carries no
// Basic challenge and the browser does not put its own login dialog over the page.
// The document names its server "." (relative to where it is served, so it fits any context
// root); Swagger UI would list that as ". - This server". It gets the absolute address instead.
const documentUrl = new URL('../openapi.json', document.baseURI).href;
const serverUrl = new URL('..', document.baseURI).href.replace(/\/$/, '');
fetch(documentUrl)
  .then((response) => response.json())
  .then((spec) => {
    spec.servers = [{ url: serverUrl, description: 'This server' }];
    window.ui = SwaggerUIBundle({
      spec,
      dom_id: '#swagger-ui',
      deepLinking: true,
      requestInterceptor: (request) => {
        request.headers['X-Requested-With'] = 'XMLHttpRequest';
        return request;
      },
    });
  });
