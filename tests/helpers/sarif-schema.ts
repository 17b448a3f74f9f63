/**
 * A compact check of SARIF 2.1.0 output: the objects the CLI writes, with
 * their rules from the OASIS schema (sarif-schema-2.1.0.json) — the allowed
 * properties of each (the schema closes them with additionalProperties:
 * false), the required ones, enums and minimums — checked by a small
 * JSON-schema interpreter (type, const, enum, required, properties,
 * additionalProperties, items, minItems, minimum, anyOf, $ref). No network:
 * the official schema is not fetched.
 */
type Schema = {
  $ref?: string;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
  items?: Schema;
  minItems?: number;
  minimum?: number;
  anyOf?: Schema[];
  uniqueItems?: boolean;
};

const bag: Schema = { type: 'object' };
const str: Schema = { type: 'string' };
const int = (minimum?: number): Schema => ({ type: 'integer', ...(minimum !== undefined && { minimum }) });
/** Properties the schema allows on an object that this check does not look into. */
const any = (...names: string[]) => Object.fromEntries(names.map((n) => [n, {}]));

export const SARIF_DEFINITIONS: Record<string, Schema> = {
  sarifLog: {
    type: 'object',
    required: ['version', 'runs'],
    additionalProperties: false,
    properties: {
      $schema: str,
      version: { enum: ['2.1.0'] },
      runs: { type: 'array', items: { $ref: 'run' } },
      ...any('inlineExternalProperties'),
      properties: bag,
    },
  },
  run: {
    type: 'object',
    required: ['tool'],
    additionalProperties: false,
    properties: {
      tool: { $ref: 'tool' },
      results: { type: 'array', items: { $ref: 'result' } },
      columnKind: { enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
      ...any(
        'invocations',
        'conversion',
        'language',
        'versionControlProvenance',
        'originalUriBaseIds',
        'artifacts',
        'logicalLocations',
        'graphs',
        'automationDetails',
        'runAggregates',
        'baselineGuid',
        'redactionTokens',
        'defaultEncoding',
        'defaultSourceLanguage',
        'newlineSequences',
        'externalPropertyFileReferences',
        'threadFlowLocations',
        'taxonomies',
        'addresses',
        'translations',
        'policies',
        'webRequests',
        'webResponses',
        'specialLocations',
      ),
      properties: bag,
    },
  },
  tool: {
    type: 'object',
    required: ['driver'],
    additionalProperties: false,
    properties: {
      driver: { $ref: 'toolComponent' },
      extensions: { type: 'array', items: { $ref: 'toolComponent' } },
      properties: bag,
    },
  },
  toolComponent: {
    type: 'object',
    required: ['name'],
    additionalProperties: false,
    properties: {
      name: str,
      version: str,
      informationUri: str,
      shortDescription: { $ref: 'multiformatMessageString' },
      fullDescription: { $ref: 'multiformatMessageString' },
      rules: { type: 'array', uniqueItems: true, items: { $ref: 'reportingDescriptor' } },
      ...any(
        'guid',
        'organization',
        'product',
        'productSuite',
        'fullName',
        'semanticVersion',
        'dottedQuadFileVersion',
        'releaseDateUtc',
        'downloadUri',
        'globalMessageStrings',
        'notifications',
        'taxa',
        'locations',
        'language',
        'contents',
        'isComprehensive',
        'localizedDataSemanticVersion',
        'minimumRequiredLocalizedDataSemanticVersion',
        'associatedComponent',
        'translationMetadata',
        'supportedTaxonomies',
      ),
      properties: bag,
    },
  },
  reportingDescriptor: {
    type: 'object',
    required: ['id'],
    additionalProperties: false,
    properties: {
      id: str,
      name: str,
      shortDescription: { $ref: 'multiformatMessageString' },
      fullDescription: { $ref: 'multiformatMessageString' },
      defaultConfiguration: { $ref: 'reportingConfiguration' },
      helpUri: str,
      help: { $ref: 'multiformatMessageString' },
      ...any('deprecatedIds', 'guid', 'deprecatedGuids', 'deprecatedNames', 'messageStrings', 'relationships'),
      properties: bag,
    },
  },
  reportingConfiguration: {
    type: 'object',
    additionalProperties: false,
    properties: {
      enabled: { type: 'boolean' },
      level: { enum: ['none', 'note', 'warning', 'error'] },
      rank: { type: 'number' },
      parameters: bag,
      properties: bag,
    },
  },
  multiformatMessageString: {
    type: 'object',
    required: ['text'],
    additionalProperties: false,
    properties: { text: str, markdown: str, properties: bag },
  },
  message: {
    type: 'object',
    additionalProperties: false,
    anyOf: [{ required: ['text'] }, { required: ['id'] }],
    properties: { text: str, markdown: str, id: str, arguments: { type: 'array', items: str }, properties: bag },
  },
  result: {
    type: 'object',
    required: ['message'],
    additionalProperties: false,
    properties: {
      ruleId: str,
      ruleIndex: int(-1),
      kind: { enum: ['notApplicable', 'pass', 'fail', 'review', 'open', 'informational'] },
      level: { enum: ['none', 'note', 'warning', 'error'] },
      message: { $ref: 'message' },
      locations: { type: 'array', items: { $ref: 'location' } },
      partialFingerprints: bag,
      fingerprints: bag,
      ...any(
        'rule',
        'analysisTarget',
        'guid',
        'correlationGuid',
        'occurrenceCount',
        'stacks',
        'codeFlows',
        'graphs',
        'graphTraversals',
        'relatedLocations',
        'suppressions',
        'baselineState',
        'rank',
        'attachments',
        'hostedViewerUri',
        'workItemUris',
        'provenance',
        'fixes',
        'taxa',
        'webRequest',
        'webResponse',
      ),
      properties: bag,
    },
  },
  location: {
    type: 'object',
    additionalProperties: false,
    properties: {
      id: int(-1),
      physicalLocation: { $ref: 'physicalLocation' },
      message: { $ref: 'message' },
      ...any('logicalLocations', 'annotations', 'relationships'),
      properties: bag,
    },
  },
  physicalLocation: {
    type: 'object',
    additionalProperties: false,
    anyOf: [{ required: ['address'] }, { required: ['artifactLocation'] }],
    properties: {
      artifactLocation: { $ref: 'artifactLocation' },
      region: { $ref: 'region' },
      contextRegion: { $ref: 'region' },
      ...any('address'),
      properties: bag,
    },
  },
  artifactLocation: {
    type: 'object',
    additionalProperties: false,
    properties: { uri: str, uriBaseId: str, index: int(-1), description: { $ref: 'message' }, properties: bag },
  },
  region: {
    type: 'object',
    additionalProperties: false,
    properties: {
      startLine: int(1),
      startColumn: int(1),
      endLine: int(1),
      endColumn: int(1),
      charOffset: int(-1),
      charLength: int(0),
      byteOffset: int(-1),
      byteLength: int(0),
      ...any('snippet', 'message', 'sourceLanguage'),
      properties: bag,
    },
  },
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Every violation, as `path: problem`; [] when the value conforms. */
export function validate(value: unknown, schema: Schema = { $ref: 'sarifLog' }, at = '$'): string[] {
  if (schema.$ref) return validate(value, SARIF_DEFINITIONS[schema.$ref], at);
  const errors: string[] = [];
  const t = typeOf(value);
  if (schema.type) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((x) => x === t || (x === 'number' && t === 'integer')))
      return [`${at}: expected ${types.join('|')}, got ${t}`];
  }
  if (schema.const !== undefined && value !== schema.const)
    errors.push(`${at}: must be ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.includes(value))
    errors.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (schema.minimum !== undefined && typeof value === 'number' && value < schema.minimum)
    errors.push(`${at}: ${value} < ${schema.minimum}`);
  if (t === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in obj)) errors.push(`${at}: missing ${key}`);
    for (const [key, v] of Object.entries(obj)) {
      const sub = schema.properties?.[key];
      if (sub) errors.push(...validate(v, sub, `${at}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${at}: property ${key} is not allowed`);
    }
  }
  if (t === 'array') {
    const list = value as unknown[];
    if (schema.minItems !== undefined && list.length < schema.minItems)
      errors.push(`${at}: fewer than ${schema.minItems} items`);
    if (schema.uniqueItems && new Set(list.map((x) => JSON.stringify(x))).size !== list.length)
      errors.push(`${at}: items are not unique`);
    if (schema.items) list.forEach((item, i) => errors.push(...validate(item, schema.items!, `${at}[${i}]`)));
  }
  if (schema.anyOf && !schema.anyOf.some((alt) => validate(value, alt, at).length === 0))
    errors.push(`${at}: matches none of anyOf`);
  return errors;
}
