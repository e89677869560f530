/// <reference lib="dom" />
/**
 * What the rendered report shows, read inside the page (these functions run in Chromium, so they use
 * nothing from outside their bodies). Elements are located through the report's `data-report` hooks;
 * what is checked is what they render: their text, computed styles and boxes.
 */

/** A piece of visible text: its effective font size in CSS px, its colour and the colour behind it. */
export interface TextFact {
  readonly text: string;
  readonly fontSize: number;
  readonly color: string;
  readonly background: string;
  readonly svg: boolean;
}

/** A drawn box of the diagram: its tooltip (`<title>`), its visible lines, where it is and its outline colour. */
export interface BoxFact {
  readonly title: string;
  readonly lines: string[];
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly stroke: string;
  /** The right edge of its rightmost text: a label cut to fit ends inside the box. */
  readonly textRight: number;
}

/** One row of a diagram: an event path, or a function no path reaches. */
export interface DiagramRowFact {
  readonly drawsPath: boolean;
  readonly boxes: BoxFact[];
  /** Text on the arrows (the invocation, `hand-wired`). */
  readonly labels: string[];
  readonly arrows: number;
}

/** What one stack's section shows. */
export interface StackFact {
  readonly heading: string;
  /** The first column of the functions table. */
  readonly functionNames: string[];
  readonly diagram?: { readonly left: number; readonly right: number; readonly rows: DiagramRowFact[] };
  /** The cells of the event paths table, row by row. */
  readonly pathRows: string[][];
  /** The rows of the gaps table, as text. */
  readonly gapRows: string[];
  readonly text: string;
}

/** What the whole page shows. */
export interface PageFacts {
  readonly viewportWidth: number;
  readonly scrollWidth: number;
  readonly bodyFontSize: number;
  /** Elements reaching past the right (or left) edge of the viewport. */
  readonly overflowing: string[];
  readonly texts: TextFact[];
  readonly scripts: number;
  readonly summary: { readonly label: string; readonly value: string }[];
  readonly stacks: StackFact[];
  readonly text: string;
}

/** Opens every `<details>` (as a reader clicking through would) and returns the page's new height. */
export function openAllDetails(): number {
  document.querySelectorAll('details').forEach((d) => { d.open = true; });
  return document.documentElement.scrollHeight;
}

// long: one self-contained function, since it runs inside the page and can call nothing defined outside it
export function measurePage(): PageFacts {
  const visible = (el: Element) => el.getClientRects().length > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  const opaque = (colour: string) => colour !== '' && colour !== 'none' && colour !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(colour);
  const svgScale = (el: Element) => {
    const svg = el.closest('svg');
    return svg && svg.viewBox.baseVal && svg.viewBox.baseVal.width > 0 ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
  };
  const backgroundAt = (el: Element) => {
    const r = el.getClientRects()[0];
    for (const under of document.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2)) {
      const style = getComputedStyle(under);
      if (under instanceof SVGElement && !(under instanceof SVGSVGElement)) {
        if (['rect', 'path', 'circle', 'ellipse', 'polygon'].includes(under.tagName) && opaque(style.fill)) {
          return style.fill;
        }
      } else if (opaque(style.backgroundColor)) {
        return style.backgroundColor;
      }
    }
    return 'rgb(255, 255, 255)';
  };
  const texts: TextFact[] = [];
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    const own = Array.from(el.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
    if (own === '' || el.tagName === 'title' || !visible(el)) {
      continue;
    }
    const style = getComputedStyle(el);
    const svg = el instanceof SVGElement;
    const fontSize = parseFloat(style.fontSize) * (svg ? svgScale(el) : 1);
    texts.push({ text: own.slice(0, 60), fontSize, color: svg ? style.fill : style.color, background: backgroundAt(el), svg });
  }
  const overflowing = Array.from(document.body.querySelectorAll('*'))
    .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.right > window.innerWidth + 0.5 || r.left < -0.5); })
    .map((el) => `${el.tagName}: ${(el.textContent ?? '').trim().slice(0, 40)}`);
  const cellsOf = (row: Element) => Array.from(row.querySelectorAll('td')).map((td) => (td as HTMLElement).innerText.trim());
  const boxOf = (g: Element): BoxFact => {
    const rect = g.querySelector('rect')!.getBoundingClientRect();
    const shape = getComputedStyle(g.querySelector('rect')!);
    const lines = Array.from(g.querySelectorAll('text')).filter(visible).map((t) => (t.textContent ?? '').trim());
    const textRight = Math.max(...Array.from(g.querySelectorAll('text')).map((t) => t.getBoundingClientRect().right));
    return { title: (g.querySelector('title')?.textContent ?? '').trim(), lines, left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom, stroke: shape.stroke, textRight };
  };
  const stacks = Array.from(document.querySelectorAll('section[data-report="stack"]')).map((section): StackFact => {
    const svg = section.querySelector('svg');
    const rows = Array.from(section.querySelectorAll('svg g[data-report="path-row"], svg g[data-report="function-row"]')).map((g) => ({
      drawsPath: g.getAttribute('data-report') === 'path-row',
      boxes: Array.from(g.querySelectorAll('g')).filter(visible).map(boxOf).sort((a, b) => a.left - b.left),
      labels: Array.from(g.children).filter((c) => c.tagName === 'text' && visible(c)).map((c) => (c.textContent ?? '').trim()),
      arrows: Array.from(g.children).filter((c) => c.tagName === 'line' && visible(c)).length,
    }));
    const svgRect = svg?.getBoundingClientRect();
    return {
      heading: (section.querySelector('h2') as HTMLElement).innerText.trim(),
      functionNames: Array.from(section.querySelectorAll('table[data-report="functions"] tbody tr')).map((tr) => cellsOf(tr)[0]),
      diagram: svgRect ? { left: svgRect.left, right: svgRect.right, rows } : undefined,
      pathRows: Array.from(section.querySelectorAll('table[data-report="event-paths"] tbody tr')).map(cellsOf),
      gapRows: Array.from(section.querySelectorAll('table[data-report="gaps"] tbody tr')).map((tr) => (tr as HTMLElement).innerText.trim()),
      text: (section as HTMLElement).innerText,
    };
  });
  return {
    viewportWidth: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    bodyFontSize: parseFloat(getComputedStyle(document.body).fontSize),
    overflowing,
    texts,
    scripts: document.scripts.length,
    summary: Array.from(document.querySelectorAll('dl[data-report="summary"] > div')).map((d) => ({
      label: (d.querySelector('dt') as HTMLElement).innerText.trim(),
      value: (d.querySelector('dd') as HTMLElement).innerText.trim(),
    })),
    stacks,
    text: document.body.innerText,
  };
}
