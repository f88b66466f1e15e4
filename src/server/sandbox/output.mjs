// Shared by the sandbox runners, which are plain JavaScript so that the Python runner's process
// can be kept to reading only its own files.

/** Appends console output up to a cap, marking where it was cut. */
export function outputCollector(limit) {
  let text = '';
  let cut = false;
  return {
    write(chunk) {
      if (cut) return;
      if (text.length + chunk.length > limit) {
        text += `${chunk.slice(0, limit - text.length)}\n[output cut at ${limit} characters]`;
        cut = true;
      } else text += chunk;
    },
    get text() {
      return text;
    },
  };
}
