/** Largest document accepted at upload (the API and the pages alike): 10 MB. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
