/**
 * Saves a document the API answered with: through an object URL and a link with a `download`
 * name, so it is saved, not opened in the tab's frame. The URL is given up once the browser has
 * the file; nothing of it is kept by the page.
 */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Later, not at once: some browsers read the URL after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
