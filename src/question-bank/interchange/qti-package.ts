import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { qtiIdentifier, toQtiItem } from './qti-item.js';
import type { ExchangeQuestion } from './types.js';
import { escapeXml, XML_DECLARATION } from './xml.js';

const CP_NS = 'http://www.imsglobal.org/xsd/imscp_v1p1';
/** Fixed entry dates keep the zip byte-for-byte reproducible. */
const MTIME = new Date(2000, 0, 1);

/**
 * An IMS content package (zip) of QTI 2.1 items: `imsmanifest.xml` with one
 * `imsqti_item_xmlv2p1` resource per question, and `items/<identifier>.xml`.
 */
export async function toQtiPackage(questions: ExchangeQuestion[]): Promise<Uint8Array> {
  const used = new Set<string>();
  const items = questions.map((q) => {
    const base = qtiIdentifier(q.id, 'Q');
    let identifier = base;
    for (let n = 2; used.has(identifier.toLowerCase()); n++) identifier = `${base}_${n}`;
    used.add(identifier.toLowerCase());
    return { identifier, href: `items/${identifier}.xml`, xml: toQtiItem(q, identifier) };
  });
  const files: Record<string, Uint8Array> = { 'imsmanifest.xml': strToU8(manifest(items)) };
  for (const item of items) files[item.href] = strToU8(item.xml);
  return zipSync(files, { level: 6, mtime: MTIME });
}

function manifest(items: { identifier: string; href: string }[]): string {
  const id = `MANIFEST-${createHash('sha1').update(items.map((i) => i.identifier).join('\n')).digest('hex').slice(0, 16)}`;
  return [
    XML_DECLARATION,
    `<manifest xmlns="${CP_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${CP_NS} http://www.imsglobal.org/xsd/imscp_v1p1.xsd" identifier="${id}">`,
    '  <metadata><schema>QTIv2.1 Package</schema><schemaversion>1.0.0</schemaversion></metadata>',
    '  <organizations/>',
    '  <resources>',
    ...items.map((i) => `    <resource identifier="RES-${escapeXml(i.identifier)}" type="imsqti_item_xmlv2p1" href="${escapeXml(i.href)}"><file href="${escapeXml(i.href)}"/></resource>`),
    '  </resources>',
    '</manifest>',
    '',
  ].join('\n');
}
