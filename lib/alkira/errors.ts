import 'server-only';
import { SENSITIVE_API_FIELDS, SENSITIVE_ATTRIBUTES } from '@/lib/connector/resource';
/**
 * Typed failures of the Alkira REST client. Messages are shown to users, so
 * they are always scrubbed of credentials and pre-shared keys first.
 */

/** The Alkira API answered with a non-success status that retrying won't fix (4xx, or 429 after retries). */
export class AlkiraHttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'AlkiraHttpError';
    this.status = status;
  }
}

/** The Alkira API kept failing (5xx) or could not be reached; the app answers 502. */
export class AlkiraUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AlkiraUnavailableError';
  }
}

/** The Alkira API did not answer in time; the app answers 504. */
export class AlkiraTimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AlkiraTimeoutError';
  }
}

const MASK = '[redacted]';

/** Field names whose quoted values are redacted: the description's sensitive fields (design and API names) and credentials. */
const SECRET_FIELD = new RegExp(
  `("?(?:${[...SENSITIVE_ATTRIBUTES, ...SENSITIVE_API_FIELDS, 'password', 'apiKey', 'api_key'].join('|')})"?\\s*[:=]\\s*)"(?:[^"\\\\]|\\\\.)*"`,
  'gi',
);

/**
 * Replaces every occurrence of the given secrets (and anything that looks like
 * an Authorization value or a pre-shared key field) with a placeholder.
 */
export function scrubSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  // Longest first, so a secret that contains another is removed whole.
  for (const s of [...secrets].filter((x) => x && x.length >= 4).sort((a, b) => b.length - a.length)) {
    out = out.split(s).join(MASK);
  }
  out = out.replace(/\b(api-key|basic|bearer)\s+[A-Za-z0-9+/=._-]{6,}/gi, `$1 ${MASK}`);
  out = out.replace(SECRET_FIELD, `$1"${MASK}"`);
  return out;
}

/**
 * A create may have been applied, but neither its answer nor a lookup by name
 * could confirm it. Not a failure: the app keeps a write-ahead record and
 * adopts the connector once Alkira answers again (answers 502 with that message).
 */
export class CreateOutcomeUnknownError extends Error {
  constructor(readonly cause: unknown) {
    super(
      `Alkira did not confirm the create (${cause instanceof Error ? cause.message : 'no answer'}). It may have been applied: ` +
        'Connector Studio keeps checking and adds the connector to the dashboard if it appears; do not create it again.',
    );
    this.name = 'CreateOutcomeUnknownError';
  }
}
