import fastifyCompress from '@fastify/compress';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { constants as zlib } from 'node:zlib';

/** Below this a compressed body saves less than the headers and CPU it costs. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * gzip and brotli for responses, as the client's Accept-Encoding asks (no header, or
 * `identity`, gets the plain body). Must be registered before the routes exist: the plugin
 * attaches itself to each route as it is added.
 *
 * - Brotli at quality 4: the default 11 costs tens of milliseconds per quiz for a few
 *   percent more; 4 is about gzip's speed and still smaller.
 * - Only compressible media types (JSON, problem+json, XML, CSV, text): PDFs and zip
 *   exports are left alone, and streams are compressed as they flow, never buffered.
 * - 304 and empty bodies pass through untouched, so ETag revalidation is unchanged.
 * - Request bodies are not decompressed: a small gzip body could expand beyond the body
 *   limit before anything counted it.
 */
export async function registerCompression(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: COMPRESSION_THRESHOLD_BYTES,
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });
}
