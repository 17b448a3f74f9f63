/**
 * Diagram export: a standalone SVG drawn from the laid-out graph (not a DOM
 * snapshot of React Flow, so it has no external CSS and opens anywhere), and
 * a PNG rasterised from that SVG in the browser.
 */
import type { DiagramLayout, Point } from '@/lib/diagram/layout';
import { LINE_HEIGHT } from '@/lib/diagram/layout';
import type { DiagramGraph, DiagramNode, DiagramNodeKind } from '@/lib/diagram/types';
import { trimChar } from '@/lib/util/trim';

const KIND_LABEL: Record<DiagramNodeKind, string> = {
  vhub: 'ALKIRA vHUB',
  circuit: 'EXPRESSROUTE CIRCUIT',
  router: 'CUSTOMER ROUTER',
  segment: 'SEGMENT',
  gateway: 'CUSTOMER GATEWAY',
  tunnel: 'IPSEC TUNNEL',
};

const FILL: Record<DiagramNodeKind, string> = {
  vhub: '#eef2ff',
  circuit: '#ffffff',
  router: '#f8fafc',
  segment: '#ffffff',
  gateway: '#ffffff',
  tunnel: '#ffffff',
};

const STROKE: Record<DiagramNodeKind, string> = {
  vhub: '#818cf8',
  circuit: '#38bdf8',
  router: '#94a3b8',
  segment: '#cbd5e1',
  gateway: '#94a3b8',
  tunnel: '#cbd5e1',
};

const TONE = {
  pending: { fill: '#fffbeb', stroke: '#f59e0b' },
  success: { fill: '#ecfdf5', stroke: '#10b981' },
  failed: { fill: '#fef2f2', stroke: '#ef4444' },
} as const;

const EDGE_COLOR = '#94a3b8';
const FONT = "ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
const MONO = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace";
const LEGEND_WIDTH = 330;

function esc(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Cuts text to roughly fit `width` px (no DOM to measure with; ~0.6 em per glyph). */
function fit(text: string, width: number, fontSize: number): string {
  const max = Math.floor(width / (fontSize * 0.6));
  return text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text;
}

function markerId(color: string): string {
  return `arrow-${color.replace(/[^0-9a-zA-Z]/g, '')}`;
}

function nodeSvg(node: DiagramNode, box: { x: number; y: number; width: number; height: number }): string {
  const tone = node.provisionTone ? TONE[node.provisionTone] : undefined;
  const hasErrors = node.errors.length > 0;
  const stroke = hasErrors ? '#dc2626' : (tone?.stroke ?? STROKE[node.kind]);
  const fill = tone?.fill ?? FILL[node.kind];
  const { x, y, width, height } = box;
  const parts: string[] = [];
  parts.push(`<g class="node node-${node.kind}" data-form-path="${esc(node.formPath)}">`);
  const tooltip = [...node.errors.map((m) => `Error: ${m}`), ...node.warnings.map((m) => `Warning: ${m}`)].join('\n');
  if (tooltip) parts.push(`<title>${esc(tooltip)}</title>`);
  parts.push(
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="8" fill="${fill}" stroke="${stroke}" stroke-width="${hasErrors ? 3 : 2}"${node.kind === 'tunnel' ? ' stroke-dasharray="5 3"' : ''}/>`,
  );
  if (node.color)
    parts.push(`<rect x="${x + 1}" y="${y + 1}" width="5" height="${height - 2}" rx="2" fill="${node.color}"/>`);
  const left = x + 12;
  parts.push(
    `<text x="${left}" y="${y + 15}" font-size="9.5" font-weight="600" fill="#475569" letter-spacing="0.4">${KIND_LABEL[node.kind]}</text>`,
  );
  let titleX = left;
  if (hasErrors) {
    parts.push(`<circle cx="${left + 7}" cy="${y + 29}" r="7" fill="#dc2626"/>`);
    parts.push(
      `<text x="${left + 7}" y="${y + 33}" font-size="11" font-weight="700" fill="#ffffff" text-anchor="middle">!</text>`,
    );
    titleX += 19;
  }
  parts.push(
    `<text x="${titleX}" y="${y + 34}" font-size="13" font-weight="600" fill="#0f172a">${esc(fit(node.title, width - (titleX - x) - 8, 13))}</text>`,
  );
  node.details.forEach((line, i) => {
    parts.push(
      `<text x="${left}" y="${y + 52 + i * LINE_HEIGHT}" font-size="11" font-family="${MONO}" fill="#334155">${esc(fit(line, width - 20, 11))}</text>`,
    );
  });
  parts.push('</g>');
  return parts.join('');
}

function pathOf(points: Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
}

function legendSvg(graph: DiagramGraph, x: number, y: number): { svg: string; height: number } {
  const rows = graph.segments;
  const parts: string[] = [];
  const height = 40 + Math.max(1, rows.length) * 38 + (graph.tunnelsCollapsed ? 22 : 0);
  parts.push(
    `<g class="legend"><rect x="${x}" y="${y}" width="${LEGEND_WIDTH}" height="${height}" rx="8" fill="#ffffff" stroke="#cbd5e1"/>`,
  );
  parts.push(`<text x="${x + 14}" y="${y + 24}" font-size="13" font-weight="600" fill="#0f172a">Segments</text>`);
  if (rows.length === 0)
    parts.push(`<text x="${x + 14}" y="${y + 52}" font-size="11" fill="#475569">No segment_options yet</text>`);
  rows.forEach((row, i) => {
    const top = y + 40 + i * 38;
    parts.push(`<rect x="${x + 14}" y="${top + 2}" width="14" height="14" rx="3" fill="${row.color}"/>`);
    parts.push(
      `<text x="${x + 36}" y="${top + 13}" font-size="12" font-weight="600" fill="#0f172a">${esc(fit(row.label, LEGEND_WIDTH - 50, 12))}</text>`,
    );
    const flags = [
      `ASN ${row.customerAsn || '—'}`,
      row.disableInternetExit ? 'no internet exit' : 'internet exit',
      row.advertiseOnPremRoutes ? 'advertises on-prem' : 'no on-prem adv.',
    ].join(' · ');
    parts.push(`<text x="${x + 36}" y="${top + 29}" font-size="10.5" fill="#475569">${esc(flags)}</text>`);
  });
  if (graph.tunnelsCollapsed) {
    parts.push(
      `<text x="${x + 14}" y="${y + height - 10}" font-size="10.5" fill="#475569">Tunnels are listed inside their gateways (→ Alkira initiates).</text>`,
    );
  }
  parts.push('</g>');
  return { svg: parts.join(''), height };
}

/** A self-contained SVG document of the laid-out diagram, with the segment legend on the right. */
export function exportDiagramSvg(graph: DiagramGraph, layout: DiagramLayout): string {
  const legendX = layout.width + 16;
  const legend = legendSvg(graph, legendX, 24);
  const width = Math.ceil(legendX + LEGEND_WIDTH + 24);
  const height = Math.ceil(Math.max(layout.height, legend.height + 48));
  const colors = new Set<string>([EDGE_COLOR, ...graph.edges.map((e) => e.color ?? EDGE_COLOR)]);
  const markers = [...colors]
    .map(
      (c) =>
        `<marker id="${markerId(c)}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${c}"/></marker>`,
    )
    .join('');
  const title = graph.nodes.find((n) => n.kind === 'vhub')?.title ?? 'connector';

  const edges = graph.edges
    .map((e) => {
      const routed = layout.edges[e.id];
      if (!routed) return '';
      const color = e.color ?? EDGE_COLOR;
      const marker = `url(#${markerId(color)})`;
      const ends =
        e.arrow === 'forward' ? ` marker-end="${marker}"` : e.arrow === 'backward' ? ` marker-start="${marker}"` : '';
      let label = '';
      if (e.label && routed.label) {
        const { x, y, width, height } = routed.label;
        label = `<text x="${(x + width / 2).toFixed(1)}" y="${(y + height - 4).toFixed(1)}" font-size="10" fill="#475569" text-anchor="middle" stroke="#f8fafc" stroke-width="3" paint-order="stroke">${esc(e.label)}</text>`;
      }
      return `<path d="${pathOf(routed.points)}" fill="none" stroke="${color}" stroke-width="1.6"${ends}/>${label}`;
    })
    .join('');

  const nodes = graph.nodes
    .map((n) => {
      const box = layout.nodes[n.id];
      return box ? nodeSvg(n, box) : '';
    })
    .join('');

  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" role="img" aria-label="${esc(`Topology of ${title}`)}">`,
    `<title>${esc(`Topology of ${title}`)}</title>`,
    `<defs>${markers}</defs>`,
    `<rect width="100%" height="100%" fill="#f8fafc"/>`,
    `<g class="edges">${edges}</g>`,
    `<g class="nodes">${nodes}</g>`,
    legend.svg,
    `</svg>`,
  ].join('\n');
}

/** Browsers refuse canvases beyond ~16k px a side; big diagrams are scaled down to fit. */
const MAX_CANVAS_SIDE = 16000;

/** Rasterises the SVG on a canvas (browser only). */
export async function exportDiagramPng(graph: DiagramGraph, layout: DiagramLayout, scale = 2): Promise<Blob> {
  const svg = exportDiagramSvg(graph, layout);
  const size = /width="(\d+)" height="(\d+)"/.exec(svg);
  const width = Number(size?.[1] ?? 800);
  const height = Number(size?.[2] ?? 600);
  const factor = Math.min(scale, MAX_CANVAS_SIDE / width, MAX_CANVAS_SIDE / height);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The diagram SVG could not be rendered to PNG'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * factor));
    canvas.height = Math.max(1, Math.round(height * factor));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('Canvas 2D is not available');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export { downloadBlob } from '@/lib/client/download';

/** `<resource_name>-topology.<ext>`, with anything unsafe in a file name replaced. */
export function exportFileName(resourceName: string | undefined, ext: 'svg' | 'png'): string {
  const base = trimChar((resourceName ?? '').replace(/[^A-Za-z0-9_.-]+/g, '_'), '_') || 'connector';
  return `${base}-topology.${ext}`;
}
