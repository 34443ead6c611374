import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Every public URL a credential or a PDF carries, built from PUBLIC_BASE_URL in one place. */
@Injectable()
export class CertificateUrls {
  readonly base: string;

  constructor(config: AppConfig) {
    this.base = config.publicBaseUrl;
  }

  issuer(organizationId: string): string {
    return `${this.base}/v1/issuers/${organizationId}`;
  }

  /** The organisation id of one of our issuer URLs, or null for anything else. */
  organizationOfIssuer(issuerId: unknown): string | null {
    if (typeof issuerId !== 'string') return null;
    const match = new RegExp(`^${escapeRegExp(this.base)}/v1/issuers/(${UUID})$`).exec(issuerId);
    return match ? match[1]! : null;
  }

  statusList(listId: string): string {
    return `${this.base}/v1/status-lists/${listId}`;
  }

  /** The list id of one of our status list URLs, or null. */
  statusListIdOf(url: unknown): string | null {
    if (typeof url !== 'string') return null;
    const match = new RegExp(`^${escapeRegExp(this.base)}/v1/status-lists/(${UUID})$`).exec(url);
    return match ? match[1]! : null;
  }

  /** The public page and JSON answer anyone can open; the QR code points here. */
  verification(certificateId: string): string {
    return `${this.base}/v1/certificates/${certificateId}/verification`;
  }

  pdf(certificateId: string): string {
    return `${this.base}/v1/certificates/${certificateId}/pdf`;
  }

  credentialDownload(certificateId: string): string {
    return `${this.base}/v1/certificates/${certificateId}/credential`;
  }

  /** Not dereferenced: a credential id must stay the same whatever host serves it. */
  credentialId(certificateId: string): string {
    return `urn:uuid:${certificateId}`;
  }

  achievement(organizationId: string, examId: string): string {
    return `${this.issuer(organizationId)}/achievements/${examId}`;
  }
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
