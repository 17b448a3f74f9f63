/**
 * The input limits and request guards as pure functions: the JSON pre-scan
 * that refuses deep nesting before JSON.parse, the walk that names the path of
 * an over-long array or string, the HCL pre-check, linear trimming of names,
 * and the host / cross-site rules.
 */
import { describe, expect, it } from 'vitest';
import { excessiveNesting, jsonLimitProblem, parseJsonWithinLimits } from '@/lib/http/limits';
import { hclBoundsProblem } from '@/lib/connector/hcl/bounds';
import { resourceNameFor } from '@/lib/connector/mapping';
import { toHclIdentifier } from '@/lib/connector/hcl/strings';
import { trimChar } from '@/lib/util/trim';
import { allowedHosts, crossSiteRefusal, isHostAllowed, requestRefusal } from '@/lib/http/same-origin';

describe('JSON limits', () => {
  it('refuses 10,000 levels of nesting with a message instead of overflowing the stack', () => {
    const deep = `{"billing_tag_ids":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const reading = parseJsonWithinLimits(deep);
    expect(reading).toEqual({ ok: false, message: 'JSON is nested deeper than 32 levels (at character 51)' });
  });

  it('does not count brackets inside strings (escaped quotes included)', () => {
    const text = JSON.stringify({ description: '['.repeat(100) + '\\"{{{' + '{'.repeat(100) });
    expect(excessiveNesting(text)).toBeNull();
    expect(parseJsonWithinLimits(text).ok).toBe(true);
  });

  it('accepts the deepest real design (32 levels) and refuses 33', () => {
    expect(excessiveNesting('['.repeat(32) + ']'.repeat(32))).toBeNull();
    expect(excessiveNesting('['.repeat(33) + ']'.repeat(33))).toEqual({ offset: 32 });
  });

  it('names the path of an over-long array, an over-long string and a prototype key', () => {
    expect(jsonLimitProblem({ instances: [{ name: 'x'.repeat(10_001) }] })).toBe(
      'String at instances.0.name is 10001 characters long; at most 10000 are accepted',
    );
    expect(jsonLimitProblem({ billing_tag_ids: new Array(1001).fill(1) })).toBe(
      'Array at billing_tag_ids has 1001 elements; at most 1000 are accepted',
    );
    expect(jsonLimitProblem(JSON.parse('{"instances":[{"__proto__":{"polluted":true}}]}'))).toBe(
      'Key "__proto__" at instances.0 is not allowed',
    );
    expect(jsonLimitProblem({ a: { constructor: 1 } })).toBe('Key "constructor" at a is not allowed');
  });

  it('reports malformed JSON by position without quoting the body', () => {
    const reading = parseJsonWithinLimits('{"pre_shared_key": "s3cret", }');
    expect(reading.ok).toBe(false);
    if (!reading.ok) {
      expect(reading.message).toMatch(/^Request body is not valid JSON/);
      expect(reading.message).not.toContain('s3cret');
    }
  });
});

describe('HCL bounds', () => {
  it('gives 10,000 open braces a diagnostic at the first level too deep', () => {
    const d = hclBoundsProblem('{'.repeat(10_000));
    expect(d).toMatchObject({
      severity: 'error',
      line: 1,
      column: 65,
      message: 'Brackets are nested deeper than 64 levels here; a connector needs fewer than 10',
    });
  });

  it('gives a 100,000-character string a diagnostic naming its length', () => {
    const text = `resource "a" "b" {\n  name = "${'a'.repeat(100_000)}"\n}\n`;
    expect(hclBoundsProblem(text)).toMatchObject({
      line: 2,
      column: 10,
      message: 'This string is 100,000 characters long; at most 10,000 are accepted',
    });
  });

  it('ignores brackets in strings, comments and heredocs', () => {
    const noise = '{'.repeat(100);
    const text = [
      `# ${noise}`,
      `// ${noise}`,
      `/* ${noise} */`,
      `resource "a" "b" {`,
      `  description = "${noise}"`,
      `  policy = <<-EOT`,
      `    ${noise}`,
      `    EOT`,
      `}`,
    ].join('\n');
    expect(hclBoundsProblem(text)).toBeNull();
  });
});

describe('names to labels', () => {
  it('turns x + 200,000 underscores + x into a label (the regex this replaced took 30 s)', () => {
    const name = 'x' + '_'.repeat(200_000) + 'x';
    expect(resourceNameFor(name)).toBe(name);
    expect(resourceNameFor('__' + '_'.repeat(200_000) + '!')).toBe('connector');
    expect(toHclIdentifier('x' + '_'.repeat(200_000) + 'x', 'c')).toBe('x_x');
    expect(trimChar('_'.repeat(200_000) + 'a_b' + '_'.repeat(200_000), '_')).toBe('a_b');
  });
});

describe('host allow-list', () => {
  it('serves localhost, 127.0.0.1 and [::1] on any port by default, nothing else', () => {
    for (const host of ['localhost:3000', '127.0.0.1:4123', '[::1]:3000', 'LOCALHOST', '127.0.0.1'])
      expect(isHostAllowed(host), host).toBe(true);
    for (const host of ['evil.example:3000', '127.0.0.1.evil.example', '0.0.0.0:3000', '', 'localhost:3000:1'])
      expect(isHostAllowed(host), host).toBe(false);
    expect(isHostAllowed(null)).toBe(false);
  });

  it('takes CONNECTOR_STUDIO_ALLOWED_HOSTS (host or host:port)', () => {
    const allowed = allowedHosts({ CONNECTOR_STUDIO_ALLOWED_HOSTS: 'studio.example.com, 10.0.0.5:8443' });
    expect(isHostAllowed('studio.example.com', allowed)).toBe(true);
    expect(isHostAllowed('studio.example.com:443', allowed)).toBe(true);
    expect(isHostAllowed('10.0.0.5:8443', allowed)).toBe(true);
    expect(isHostAllowed('10.0.0.5:9000', allowed)).toBe(false);
    expect(isHostAllowed('localhost:3000', allowed)).toBe(false);
  });
});

describe('cross-site writes', () => {
  const h = (entries: Record<string, string>) => new Headers(entries);

  it('refuses a rebinding page: Host and Origin agree, but the host is not ours', () => {
    const refusal = requestRefusal(
      'POST',
      h({ host: 'evil.example:3000', origin: 'http://evil.example:3000', 'content-type': 'application/json' }),
    );
    expect(refusal).toMatch(/^Host "evil.example:3000" is not served here/);
  });

  it('refuses cross-site and same-site labels and a foreign Origin, accepts our own', () => {
    const json = { host: 'localhost:3000', 'content-type': 'application/json' };
    expect(crossSiteRefusal('POST', h({ ...json, 'sec-fetch-site': 'cross-site' }))).toBe(
      'Cross-site requests may not change data',
    );
    expect(crossSiteRefusal('DELETE', h({ ...json, 'sec-fetch-site': 'same-site' }))).toBe(
      'Cross-site requests may not change data',
    );
    expect(crossSiteRefusal('PUT', h({ ...json, origin: 'http://localhost:4000' }))).toBe(
      'Cross-origin requests may not change data',
    );
    expect(crossSiteRefusal('POST', h({ ...json, origin: 'null' }))).toBe('Cross-origin requests may not change data');
    expect(
      crossSiteRefusal('POST', h({ ...json, origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' })),
    ).toBeNull();
  });

  it('without Origin, refuses a POST a cross-site form could send, accepts JSON and non-simple methods', () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const headers: Record<string, string> = { host: 'localhost:3000' };
      if (type) headers['content-type'] = type;
      expect(crossSiteRefusal('POST', h(headers)), type).toMatch(/must be sent as application\/json/);
    }
    expect(crossSiteRefusal('POST', h({ host: 'localhost:3000', 'content-type': 'application/json' }))).toBeNull();
    expect(crossSiteRefusal('DELETE', h({ host: 'localhost:3000' }))).toBeNull();
    // Routes that only compute an answer (validation, HCL) change nothing.
    expect(
      crossSiteRefusal('POST', h({ host: 'localhost:3000', 'content-type': 'text/plain' }), undefined, false),
    ).toBeNull();
  });
});
