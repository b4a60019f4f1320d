// A reader's copy of a PDF: every page carries a visible line naming who took the copy and when,
// and the document's properties carry the reader's name. The standard PDF fonts cannot draw
// Chinese, so the visible line uses the reader's e-mail (ASCII) and the access log id; the name
// itself goes into the Subject/Keywords. A PDF that cannot be read (encrypted, damaged) is not
// stamped: the caller falls back to the original, and the access log stands.
import { degrees, PDFDocument, rgb, StandardFonts } from 'pdf-lib';

export interface Reader {
  email: string;
  name: string;
  at: Date;
}

export function stampLine(reader: Reader): string {
  const when = reader.at.toISOString().slice(0, 16).replace('T', ' ');
  return `BizDesk - copy for ${reader.email} - ${when} UTC - confidential`;
}

/** The stamped copy, or null when the file is not a PDF pdf-lib can rewrite. */
export async function stampPdf(original: Uint8Array, reader: Reader): Promise<Uint8Array | null> {
  try {
    const pdf = await PDFDocument.load(original, { updateMetadata: false });
    if (pdf.getPageCount() === 0) return null;
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const line = stampLine(reader);
    for (const page of pdf.getPages()) {
      const { width, height } = page.getSize();
      // A small line along the bottom edge, and a faint diagonal one across the page.
      page.drawText(line, { x: 24, y: 14, size: Math.max(6, Math.min(9, width / 80)), font, color: rgb(0.6, 0, 0) });
      page.drawText(line, { x: width * 0.1, y: height * 0.25, size: Math.max(10, Math.min(22, width / 30)), font,
        color: rgb(0.6, 0.6, 0.6), opacity: 0.25, rotate: degrees(35) });
    }
    pdf.setSubject(`Copy for ${reader.name} <${reader.email}>`);
    pdf.setKeywords([reader.name, reader.email, reader.at.toISOString()]);
    return await pdf.save();
  } catch {
    // Encrypted or damaged: pdf-lib cannot rewrite it.
    return null;
  }
}
