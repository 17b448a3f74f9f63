import { describe, expect, it } from 'vitest';
import { escapeHclString, isHclIdentifier, quoteHclString, toHclIdentifier } from '@/lib/connector/hcl/strings';
import { terraformDecodeStrings, terraformFmt } from './terraform-fmt';

describe('escapeHclString', () => {
  it.each([
    ['plain text', 'plain text'],
    ['say "hi"', 'say \\"hi\\"'],
    ['C:\\temp', 'C:\\\\temp'],
    ['line1\nline2', 'line1\\nline2'],
    ['a\tb\r\n', 'a\\tb\\r\\n'],
    ['${var.x}', '$${var.x}'],
    ['%{if x}', '%%{if x}'],
    ['cost $5 or 10%', 'cost $5 or 10%'],
    ['$${already}', '$$${already}'],
    ['bell\u0007 esc\u001b del\u007f', 'bell\\u0007 esc\\u001b del\\u007f'],
    ['nel\u0085 ls\u2028', 'nel\\u0085 ls\\u2028'],
    ['café 日本 😀', 'café 日本 😀'],
  ])('escapes %j', (input, expected) => {
    expect(escapeHclString(input)).toBe(expected);
  });

  it('replaces a lone surrogate, which UTF-8 cannot encode, with U+FFFD', () => {
    expect(escapeHclString('a\ud800b\udc00')).toBe('a\ufffdb\ufffd');
  });

  const nasty = [
    'q"uote\\back',
    '${x} %{if y} $${z} %%{w} $$$${v}',
    'cost $5, 10%, {braces}, $',
    'multi\nline\ttab\r',
    'ctl\u0001\u001b\u007f\u0085\u2028',
    'café 日本 😀',
  ];

  it('produces literals that terraform fmt keeps verbatim', () => {
    const hcl = nasty.map((text, i) => `a${i} = ${quoteHclString(text)}\n`).join('');
    expect(terraformFmt(hcl)).toBe(hcl);
  });

  it('produces literals that Terraform decodes back to exactly what the user typed', () => {
    expect(terraformDecodeStrings(nasty.map(quoteHclString))).toEqual(nasty);
  });
});

describe('identifiers', () => {
  it('recognises Terraform identifiers', () => {
    expect(isHclIdentifier('ha_config')).toBe(true);
    expect(isHclIdentifier('basic-1')).toBe(true);
    expect(isHclIdentifier('1st')).toBe(false);
    expect(isHclIdentifier('my conn')).toBe(false);
    expect(isHclIdentifier('')).toBe(false);
  });

  it('sanitizes arbitrary text into an identifier', () => {
    expect(toHclIdentifier('DMZ Primary-Gateway', 'x')).toBe('dmz_primary_gateway');
    expect(toHclIdentifier('1st tunnel', 'x')).toBe('_1st_tunnel');
    expect(toHclIdentifier('日本', 'gateway')).toBe('gateway');
    expect(toHclIdentifier('', 'tunnel')).toBe('tunnel');
  });
});
