// The local OCDS API: one implementation shared by the Vite dev server (npm start) and the test runner.
// Placeholder until the API lands: answers nothing, so requests fall through.

/**
 * @param {URL} url
 * @returns {Promise<null | { status: number, headers: Record<string, string>, body: string | Uint8Array }>}
 */
export async function handleOcdsApi(url) {
  void url;
  return null;
}
