/**
 * Clients of POST /api/hcl/parse for the fairness tests: each with its own
 * keep-alive connections from its own loopback address (all of 127/8 is
 * loopback on Linux), so the server sees them as different peers; and HCL
 * inputs, a one-connector file and one just under the 1 MiB body limit.
 */
import http from 'node:http';

export interface ParseAnswer {
  status: number;
  retryAfter: string | undefined;
  body: string;
}

export function parseClient(port: number, localAddress: string, baseHeaders: Record<string, string> = {}) {
  const agent = new http.Agent({ keepAlive: true, localAddress });
  const post = (body: string, headers: Record<string, string> = {}): Promise<ParseAnswer> =>
    new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/hcl/parse',
          agent,
          headers: { 'content-type': 'text/plain', ...baseHeaders, ...headers },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], body: text }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { post, close: () => agent.destroy() };
}

const connector = (i: number) =>
  `resource "alkira_connector_azure_expressroute" "c${i}" {\n  name        = "connector-${i}"\n  description = "one of many"\n  size        = "SMALL"\n  vhub_prefix = "10.${i % 250}.0.0/23"\n  cxp         = "USWEST-AZURE-1"\n  enabled     = true\n}\n\n`;

/** One connector. */
export const SMALL_HCL = connector(1);

/** Connectors up to `bytes` of valid HCL. */
function connectors(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size + connector(i).length < bytes; i++) {
    parts.push(connector(i));
    size += connector(i).length;
  }
  return parts.join('');
}

/** Just under the 1 MiB body limit (about 4,700 connectors). */
export const LARGE_HCL = connectors(1_000_000);

/**
 * About 250 KB: for bursts that must meet a client's limit. A request holds
 * its place from its headers on, so twelve sent at once meet the limit of
 * eight whatever the file size; a smaller file only makes the test quicker.
 */
export const MEDIUM_HCL = connectors(250_000);

/** The message of the 429 a client over its own limit gets. */
export const PER_CLIENT_LIMIT_MESSAGE = /^You already have 8 HCL files being parsed/;
