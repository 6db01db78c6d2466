// Type declarations for the treaty-charts package: the <treaty-chart> element and the loader's small JS API.
// The options are the crate's registry (`treaty-charts meta --json`); every one is an attribute and a property.

/** Chart kinds in the registry. */
export type ChartKind = 'timeline' | 'status' | 'map' | 'coverage' | 'regions' | 'country';

/** Options of a chart, by attribute name (`as-of`) or property name (`asOf`). */
export interface ChartOptions {
  /** Which chart (default `timeline`). */
  chart?: ChartKind;
  /** The day the chart describes, `YYYY-MM-DD` from 1990-01-01 to the newest data, or `latest`. */
  'as-of'?: string;
  asOf?: string;
  /** Width in CSS px, 280–2400 (default: the container's width). */
  width?: number | string;
  /** Replaces the headline (plain text, up to 200 characters). */
  'chart-title'?: string;
  chartTitle?: string;
  /** Colours: `light`, `dark` or `auto` (the reader's setting; default). */
  theme?: 'light' | 'dark' | 'auto';
  /** Language: `en`, `fr` or `es` (default: the page's `lang`, else English). */
  lang?: 'en' | 'fr' | 'es' | string;
  /** `short` (default; the rest under "About this data") or `full`. */
  notes?: 'short' | 'full';
  /** Map only: `palermo`, `icrmw` or `both` (default). */
  treaty?: 'palermo' | 'icrmw' | 'both';
  /** Country card only (required): the ISO 3166-1 alpha-3 code of one of the 195 states, e.g. `AUS`. */
  country?: string;
  /** Timeline, status, map, regions: up to 8 ISO3 codes, comma-separated, e.g. `AUS,PHL`. */
  highlight?: string;
  /** A time slider for readers. */
  controls?: boolean;
  /** Draw even while far out of view (charts otherwise draw when they come within about a screen). */
  eager?: boolean;
}

/** `detail` of `treaty-chart-rendered`, fired after every drawing. */
export interface RenderedDetail {
  chart: ChartKind;
  /** `YYYY-MM-DD`. */
  asOf: string;
  /** Drawn size in CSS px. */
  width: number;
  height: number;
  /** The chart's headline as drawn, in its language (the `chart-title` attribute where given). */
  title: string;
  /** The chart's accessible name, in its language: the headline, except that the country card, whose headline is
   * only the state's name, adds what it is about ("Nepal: its standing under the Palermo Protocol and the Migrant
   * Workers Convention"). The iframe page takes it as its title. */
  label: string;
}

/** `detail` of `treaty-chart-error`: a rejected option, or a module that could not load. */
export interface ErrorDetail {
  /** The sentence shown in the chart. */
  error: string;
}

/** The `<treaty-chart>` element. Properties mirror attributes: setting one redraws the chart. */
export declare class TreatyChart extends HTMLElement {
  chart: ChartKind | null;
  asOf: string | null;
  width: string | null;
  chartTitle: string | null;
  theme: 'light' | 'dark' | 'auto' | null;
  lang: string;
  notes: 'short' | 'full' | null;
  treaty: 'palermo' | 'icrmw' | 'both' | null;
  country: string | null;
  highlight: string | null;
  controls: boolean;
  eager: boolean;
  addEventListener<K extends keyof TreatyChartEventMap>(type: K, listener: (this: TreatyChart, ev: TreatyChartEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

export interface TreatyChartEventMap extends HTMLElementEventMap {
  'treaty-chart-rendered': CustomEvent<RenderedDetail>;
  'treaty-chart-error': CustomEvent<ErrorDetail>;
}

/**
 * The files a chart of this kind in this language fetches besides the loader (its `.wasm`, the map's outlines,
 * a French or Spanish catalogue), as absolute addresses: for `<link rel="preload" as="fetch" crossorigin>`.
 */
export declare function assets(chart?: ChartKind, lang?: string): string[];

/** This copy's version. */
export declare const version: string;

/**
 * Defines the element under `name` (default `treaty-chart`) if the name is free; returns the class that holds
 * it. A second copy of the loader keeps the first one's element and warns once.
 */
export declare function define(name?: string): typeof TreatyChart;

/** Sets a chart's options; resolves with its next drawing's detail, or rejects with the reason it could not draw. */
export declare function render(element: TreatyChart, options?: ChartOptions): Promise<RenderedDetail>;

/**
 * The sentence a chart shows for these options (a rejected option, in the chart's language), or undefined when it
 * draws. Call after `whenReady()`; throws before any module has loaded.
 */
export declare function check(options: ChartOptions): string | undefined;

/** A chart as a standalone SVG document and its CSV (notes in full unless `notes` says otherwise). */
export declare function files(options: ChartOptions): Promise<{ svg: string; csv: string }>;

/** One option of a chart in the registry. */
export interface RegistryOption {
  name: string;
  values: { oneOf?: string[]; [k: string]: unknown };
}

/** The crate's chart registry (`treaty-charts meta --json`), as built into this copy. */
export interface Registry {
  version: string;
  charts: Array<{
    name: ChartKind;
    /** One line about the chart, per language. */
    about: Record<string, string>;
    options: RegistryOption[];
    /** Whether the chart draws the world map (and fetches its geometry). */
    world: boolean;
    /** Reserved heights in CSS px per language, one per `widths.step` from `widths.min`. */
    heights: Record<string, number[]>;
    [k: string]: unknown;
  }>;
  widths: { min: number; max: number; step: number };
  locales: string[];
  /** The newest data's date, `YYYY-MM-DD`. */
  newest: string;
  [k: string]: unknown;
}

/** The chart registry this copy was built with. */
export declare const registry: Registry;

/**
 * Resolves when the module (.wasm) that draws `chart` is ready to write in `lang`: one module per chart kind (the
 * first kind's when omitted), and for French or Spanish their catalogue, each fetched once.
 */
export declare function whenReady(chart?: string, lang?: string): Promise<unknown>;

/** Bytes of the chart modules' WebAssembly memories (0 until one has loaded), for measuring. */
export declare function memoryBytes(): number;

declare global {
  interface HTMLElementTagNameMap {
    'treaty-chart': TreatyChart;
  }
  // The events bubble (and cross shadow roots), so a page can listen on the document or the window.
  interface HTMLElementEventMap {
    'treaty-chart-rendered': CustomEvent<RenderedDetail>;
    'treaty-chart-error': CustomEvent<ErrorDetail>;
  }
  interface DocumentEventMap {
    'treaty-chart-rendered': CustomEvent<RenderedDetail>;
    'treaty-chart-error': CustomEvent<ErrorDetail>;
  }
  interface WindowEventMap {
    'treaty-chart-rendered': CustomEvent<RenderedDetail>;
    'treaty-chart-error': CustomEvent<ErrorDetail>;
  }
}
