import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ISSUER_ID = new RegExp(`^(https?://[^?#]+?)/v1/issuers/(${UUID})$`, 'i');
const STATUS_LIST_URL = new RegExp(`^(https?://[^?#]+?)/v1/status-lists/(${UUID})$`, 'i');

/** Every public URL a credential or a PDF carries, built from PUBLIC_BASE_URL in one place. */
@Injectable()
export class CertificateUrls {
  readonly base: string;

  constructor(config: AppConfig) {
    this.base = config.publicBaseUrl;
  }

  /** The issuer id under the current base, or under `base` (one the organisation issued under before). */
  issuer(organizationId: string, base = this.base): string {
    return `${base}/v1/issuers/${organizationId}`;
  }

  /**
   * Splits an issuer id shaped like ours into its base URL and organisation id, whatever the
   * base: whether that base is one the organisation issued under is the caller's question.
   */
  parseIssuer(issuerId: unknown): { base: string; organizationId: string } | null {
    const match = typeof issuerId === 'string' ? ISSUER_ID.exec(issuerId) : null;
    return match ? { base: match[1]!, organizationId: match[2]!.toLowerCase() } : null;
  }

  statusList(listId: string): string {
    return `${this.base}/v1/status-lists/${listId}`;
  }

  /** Splits a status list URL shaped like ours into its base URL and list id. */
  parseStatusList(url: unknown): { base: string; listId: string } | null {
    const match = typeof url === 'string' ? STATUS_LIST_URL.exec(url) : null;
    return match ? { base: match[1]!, listId: match[2]!.toLowerCase() } : null;
  }

  /** The public page and JSON answer anyone can open; the QR code points here. */
  verification(certificateId: string): string {
    return `${this.base}/v1/certificates/${certificateId}/verification`;
  }

  /** Where a visitor checks a name against the certificate (the page's form posts here). */
  nameCheck(certificateId: string): string {
    return `${this.base}/v1/certificates/${certificateId}/name-check`;
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

