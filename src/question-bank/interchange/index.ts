export type { ExchangeQuestion, GiftExportOptions, GiftImportOptions, GiftImportResult, LineProblem, MoodleXmlExportOptions } from './types.js';
export { toGift } from './gift-export.js';
export { parseGift } from './gift-import.js';
export { toMoodleXml } from './moodle-xml-export.js';
export { toQtiItem } from './qti-item.js';
export { toQtiPackage } from './qti-package.js';
