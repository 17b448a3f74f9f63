'use client';
/**
 * Swagger UI on an OpenAPI document, bundled with the app (no CDN) and loaded
 * only by the API reference page (api-reference-page.tsx imports this file
 * dynamically, browser-only). It runs under the app's nonce CSP unchanged:
 * its code comes from our own chunks, its styles are a stylesheet of ours plus
 * style attributes (allowed), its icons are inline SVG and data: images, and
 * every request it makes goes to this origin.
 *
 * It is Swagger UI's standalone bundle (swagger-ui-dist), which brings its own
 * React and renders into a node of ours, not swagger-ui-react: Turbopack
 * builds swagger-ui-react's OpenAPI 3.1 code (ApiDOM) wrongly, so every
 * operation's details stay on a spinner ("refract is not a function";
 * vercel/next.js#86507, swagger-api/swagger-ui#10599). The standalone bundle
 * was built by Swagger's own webpack and works.
 */
import { useEffect, useRef } from 'react';
import SwaggerUIBundle from 'swagger-ui-dist/swagger-ui-bundle.js';
import 'swagger-ui-dist/swagger-ui.css';
import './swagger-theme.css';
import { joinPath, operationKey } from './operation-key';

export interface SwaggerViewerProps {
  /** The OpenAPI document, its servers already pointed at this origin. */
  document: Record<string, unknown>;
  /** The path operations sit under (the document's server path). */
  basePath: string;
  /** Operation keys "Try it out" may send (read-only-operations.ts). */
  tryable: readonly string[];
}

/** The slice of Swagger UI's operation props the plugin reads (an Immutable.js map). */
interface OperationProps {
  operation: { get(key: string): unknown; set(key: string, value: unknown): OperationProps['operation'] };
}

/** What a Swagger UI plugin receives: its own React (the bundle's, not the app's). */
interface SwaggerSystem {
  React: { createElement(type: unknown, props: object): unknown };
}

/**
 * A Swagger UI plugin that shows "Try it out" only on the operations in `tryable`;
 * the others keep their documentation and lose the button (and with it Execute).
 */
function tryItOutOnlyFor(tryable: ReadonlySet<string>, basePath: string) {
  return () => ({
    wrapComponents: {
      operation: (Original: unknown, system: SwaggerSystem) =>
        function OperationWithTryItOutRule(props: OperationProps) {
          const method = props.operation.get('method');
          const path = props.operation.get('path');
          const allowed =
            typeof method === 'string' &&
            typeof path === 'string' &&
            tryable.has(operationKey(method, joinPath(basePath, path)));
          return system.React.createElement(Original, {
            ...props,
            operation: allowed ? props.operation : props.operation.set('allowTryItOut', false),
          });
        },
    },
  });
}

/** Refuses to send a request anywhere but this origin (the document could name another server on one operation). */
function sameOriginOnly<R extends { url?: unknown }>(request: R): R {
  const url = typeof request.url === 'string' ? new URL(request.url, window.location.origin) : null;
  if (!url || url.origin !== window.location.origin) {
    throw new Error(`Not sent: the API reference only sends requests to ${window.location.origin}`);
  }
  return request;
}

/**
 * Swagger UI's stylesheet has a dark theme under `html.dark-mode`; the app's
 * dark theme follows the operating system, so the class follows it too, on
 * this page only.
 */
function useSwaggerDarkMode() {
  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const root = document.documentElement;
    const apply = () => root.classList.toggle('dark-mode', query.matches);
    apply();
    query.addEventListener('change', apply);
    return () => {
      query.removeEventListener('change', apply);
      root.classList.remove('dark-mode');
    };
  }, []);
}

export default function SwaggerViewer({ document: spec, basePath, tryable }: SwaggerViewerProps) {
  useSwaggerDarkMode();
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    SwaggerUIBundle({
      domNode: container.current,
      spec,
      plugins: [tryItOutOnlyFor(new Set(tryable), basePath)],
      docExpansion: 'list',
      defaultModelsExpandDepth: 0,
      // No deep links: Swagger UI puts them inside the operation's toggle button (a link in a button).
      deepLinking: false,
      filter: true,
      showExtensions: true,
      showCommonExtensions: true,
      displayRequestDuration: true,
      requestSnippetsEnabled: true,
      requestInterceptor: sameOriginOnly,
      // No badge that would send the document's URL to validator.swagger.io; no ?url= that loads another document.
      validatorUrl: null,
      queryConfigEnabled: false,
    });
  }, [spec, basePath, tryable]);
  return <div ref={container} className="api-reference min-w-0" />;
}
