/** Reads a dropped or chosen Terraform file as text, refusing what cannot be one. */

/** Far above any connector definition; keeps a mistaken drop of a big file from freezing the page. */
const MAX_BYTES = 1024 * 1024;

export type TfFileResult = { ok: true; name: string; text: string } | { ok: false; message: string };

export async function readTfFile(file: File): Promise<TfFileResult> {
  if (file.size > MAX_BYTES)
    return { ok: false, message: `${file.name} is larger than 1 MB; is it really a .tf file?` };
  const text = await file.text();
  if (text.includes('\u0000')) return { ok: false, message: `${file.name} is not a text file.` };
  return { ok: true, name: file.name, text };
}
