import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { enrolRequest, historyQuery, pullQuery, pushRequest } from '../../src/shared/protocol/messages';
import { historyReply } from '../../src/shared/protocol/history-reply';
import { enrolReply, errorReply, pullReply, pushReply } from '../../src/shared/protocol/replies';
import { PROTOCOL_VERSION } from '../../src/shared/protocol/version';

/**
 * The wire's shape, hashed, per protocol version. When this test fails, the
 * schemas of what travels changed: bump PROTOCOL_VERSION, add its line to
 * the history in src/shared/protocol/version.ts (what changed, and what the
 * server still accepts from older tablets), then put the new hash here under
 * the new version. Changing the schemas of a version already released breaks
 * the tablets that speak it.
 */
const WIRE_HASHES: Record<number, string> = {
  3: '91d5ed30885b8a209a65be6edc3b029fe70029c19fd03a3ffafd42725f50cab6',
  4: 'ab8b0e5c7aa1f5b5125465f4330f1847a65b3132deee95625c13c80acca91415',
  5: '198e1d010330d22b38f6ddd0dfee499a8a12a32fef6345d5f53140c1eae312df',
  6: '2feced5337ecfa2987874c8ce1fff43dea866952caa7b998a3f7ea1a686435cb',
};

const WIRE = { pushRequest, enrolRequest, pullQuery, historyQuery, pushReply, pullReply, historyReply, enrolReply, errorReply };

/** The parts of a valibot schema or action that decide what it accepts, in a stable form. */
function describeSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(describeSchema);
  if (node instanceof RegExp) return { regex: node.source, flags: node.flags };
  if (typeof node === 'function') return 'function';
  if (typeof node !== 'object' || node === null) return node;
  const schema = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of ['kind', 'type', 'expects', 'requirement', 'key', 'value', 'item', 'options', 'wrapped', 'default', 'pipe']) {
    if (key in schema && schema[key] !== undefined) out[key] = describeSchema(schema[key]);
  }
  if (typeof schema['entries'] === 'object' && schema['entries'] !== null) {
    const entries = schema['entries'] as Record<string, unknown>;
    out['entries'] = Object.fromEntries(Object.keys(entries).sort().map((k) => [k, describeSchema(entries[k])]));
  }
  return out;
}

/** JSON with object keys sorted at every level, so the text depends only on the content. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record).sort().map((k) => `${JSON.stringify(k)}:${stableJson(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function wireHash(): string {
  const described = Object.fromEntries(Object.entries(WIRE).map(([name, schema]) => [name, describeSchema(schema)]));
  return createHash('sha256').update(stableJson(described)).digest('hex');
}

describe('protocol version', () => {
  it('the wire schemas are the ones recorded for this PROTOCOL_VERSION (bump it when they change)', () => {
    expect(WIRE_HASHES[PROTOCOL_VERSION], `no hash recorded for protocol ${PROTOCOL_VERSION}`).toBeDefined();
    expect(wireHash()).toBe(WIRE_HASHES[PROTOCOL_VERSION]);
  });

  it('the description sees a change anywhere in a schema', () => {
    const before = stableJson(describeSchema(pushRequest));
    const changed = { ...pushRequest, entries: { ...pushRequest.entries, deviceId: pullQuery.entries.after } };
    expect(stableJson(describeSchema(changed))).not.toBe(before);
    expect(stableJson(describeSchema(pullReply))).toContain('"cursor"');
    expect(stableJson(describeSchema(enrolRequest))).toContain('A-Za-z0-9_-');
  });
});
