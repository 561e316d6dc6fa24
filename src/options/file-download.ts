/**
 * Saving a file the page holds, without the `downloads` permission: a blob URL behind an
 * `<a download>` link. The URL lives as long as the page shows the link; revoke it after.
 */
export interface OfferedFile {
  fileName: string;
  url: string;
}

export function offerFile(fileName: string, text: string): OfferedFile {
  return { fileName, url: URL.createObjectURL(new Blob([text], { type: 'application/json' })) };
}

export function withdrawFile(file: OfferedFile | undefined): void {
  if (file) URL.revokeObjectURL(file.url);
}
