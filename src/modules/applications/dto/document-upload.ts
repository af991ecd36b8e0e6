/** Largest document accepted at upload (the API and the pages alike): 10 MB. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/**
 * What multer (busboy) reads of an upload's multipart body, the API and the pages alike: one file
 * of at most 10 MB and a few short text fields (`kind`, and the pages' `_csrf`). Past a limit the
 * upload is refused as soon as it is seen, before the rest of the body is read.
 */
export const DOCUMENT_UPLOAD_LIMITS = {
  fileSize: MAX_DOCUMENT_BYTES,
  files: 1,
  fields: 4,
  fieldSize: 1024,
  fieldNameSize: 64,
  parts: 5,
  headerPairs: 20,
} as const;

/** FileInterceptor's options for a document upload. */
export const DOCUMENT_UPLOAD_OPTIONS = { limits: DOCUMENT_UPLOAD_LIMITS, defParamCharset: 'utf8' };
