const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for XML element content and double-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITY[ch]);
}

/** Escapes text content only (quotes stay as typed, which matters inside Moodle's cloze syntax). */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (ch) => ENTITY[ch]);
}

/** A CDATA section; a "]]>" inside is split across two sections. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** Plain question text as an HTML fragment: characters escaped, line breaks kept. */
export function plainToHtml(text: string): string {
  return `<p>${escapeText(text).replace(/\r\n?|\n/g, '<br>')}</p>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
