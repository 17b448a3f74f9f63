/** Swagger UI's standalone bundle (swagger-ui-dist): a function that renders the viewer into `domNode`. */
declare module 'swagger-ui-dist/swagger-ui-bundle.js' {
  const SwaggerUIBundle: (options: Record<string, unknown>) => unknown;
  export default SwaggerUIBundle;
}
