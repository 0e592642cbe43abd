import { geoPath, geoTransverseMercator } from 'd3-geo';
import { useId, useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { t } from '../i18n/i18n';
import type { Boundaries, MapView } from './boundaries';
import {
  municipalityDescription,
  municipalityName,
  type MapScale,
  type MunicipalityFigure,
} from './map-data';

/** The drawing's coordinate system (the SVG scales to the width of its box). */
export const VIEW_BOX: Record<MapView, [number, number]> = { county: [600, 580], sweden: [400, 950] };
/** Central meridians: the county's own (18° E, as SWEREF 99 18 00) and Sweden's (15° E, SWEREF 99 TM). */
const MERIDIAN: Record<MapView, number> = { county: 18, sweden: 15 };

interface Shape {
  code: string;
  name: string;
  d: string;
}

/** The municipalities as SVG paths, in the Swedish order of their names (the order of tabbing). */
export function shapesOf(boundaries: Boundaries, view: MapView): Shape[] {
  const projection = geoTransverseMercator().rotate([-MERIDIAN[view], 0]).fitSize(VIEW_BOX[view], boundaries);
  const path = geoPath(projection).digits(1);
  return boundaries.features
    .map((f) => ({ code: f.properties.code, name: f.properties.name, d: path(f) ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

export interface MunicipalityMapProps {
  boundaries: Boundaries;
  view: MapView;
  figures: ReadonlyMap<string, MunicipalityFigure>;
  scale: MapScale;
  /** The map's own accessible name (what it shows, and when). */
  label: string;
  /** False while newer figures are on their way (aria-busy, data-ready for the bench). */
  ready: boolean;
  /** Whether a municipality is a link of its own (the Sweden view: only those with actors). */
  isInteractive: (figure: MunicipalityFigure | undefined) => boolean;
  hrefOf: (code: string) => string;
  onChoose: (code: string) => void;
}

/**
 * A choropleth of municipalities drawn with d3-geo (no tiles). Each interactive municipality is a link
 * named "<kommun>: N engagerade aktörer", its share on steps 3–5 as its description; a focus ring
 * (and a hover ring) is drawn over the map so that neighbours never hide it.
 */
export function MunicipalityMap({
  boundaries,
  view,
  figures,
  scale,
  label,
  ready,
  isInteractive,
  hrefOf,
  onChoose,
}: MunicipalityMapProps) {
  // Safe in url(#…) and in id references whatever React's id format.
  const id = `map${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const hatch = `${id}-hatch`;
  const shapes = useMemo(() => shapesOf(boundaries, view), [boundaries, view]);
  const [focused, setFocused] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const active = shapes.find((s) => s.code === (focused ?? hovered)) ?? null;
  const activeFigure = active ? figures.get(active.code) : undefined;
  const [width, height] = VIEW_BOX[view];

  const click = (code: string) => (e: MouseEvent) => {
    // A new tab or window (modifier keys, middle button) follows the link itself.
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    onChoose(code);
  };
  const key = (code: string) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onChoose(code);
    }
  };

  return (
    <div className={`map map--${view}`}>
      <svg
        className="map__svg"
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={label}
        aria-busy={!ready}
        data-ready={ready}
        data-testid="municipality-map"
      >
        <defs>
          <HatchPattern id={hatch} />
        </defs>
        <g className="map__areas">
          {shapes.map((shape) => {
            const figure = figures.get(shape.code);
            const klass = figure ? scale.classOf(figure) : null;
            const fill = klass ? (klass.hatched ? `url(#${hatch})` : klass.fill) : '#ffffff';
            if (!figure || !isInteractive(figure)) {
              return <path key={shape.code} d={shape.d} fill={fill} aria-hidden="true" />;
            }
            return (
              <a
                key={shape.code}
                href={hrefOf(shape.code)}
                role="link"
                tabIndex={0}
                className="map__area"
                aria-label={municipalityName(figure)}
                aria-describedby={`${id}-d-${shape.code}`}
                data-code={shape.code}
                onClick={click(shape.code)}
                onKeyDown={key(shape.code)}
                onFocus={() => setFocused(shape.code)}
                onBlur={() => setFocused((c) => (c === shape.code ? null : c))}
                onMouseEnter={() => setHovered(shape.code)}
                onMouseLeave={() => setHovered((c) => (c === shape.code ? null : c))}
              >
                <path d={shape.d} fill={fill} />
              </a>
            );
          })}
        </g>
        <g className="map__borders" aria-hidden="true">
          {shapes.map((shape) => (
            <path key={shape.code} d={shape.d} />
          ))}
        </g>
        {active ? (
          <g aria-hidden="true" className={focused ? 'map__ring map__ring--focus' : 'map__ring'}>
            <path className="map__ring-halo" d={active.d} />
            <path className="map__ring-line" d={active.d} />
          </g>
        ) : null}
      </svg>
      <p className="map__attribution">{t('map.attribution')}</p>
      <div className="visually-hidden">
        {shapes.map((shape) => {
          const figure = figures.get(shape.code);
          return figure && isInteractive(figure) ? (
            <span key={shape.code} id={`${id}-d-${shape.code}`}>
              {municipalityDescription(figure)}
            </span>
          ) : null;
        })}
      </div>
      {/* What the focused or pointed-at municipality shows, for sighted users (screen readers have
          its name and description already). */}
      <p className="map__info" aria-hidden="true">
        {active && activeFigure ? (
          <>
            <strong>{activeFigure.name}</strong>
            {municipalityName(activeFigure).slice(activeFigure.name.length)}
            {activeFigure.total === 0 ? null : `. ${municipalityDescription(activeFigure)}`}
          </>
        ) : (
          t('map.hoverHint')
        )}
      </p>
    </div>
  );
}

/** Diagonal lines over white: "withheld", told apart from every colour of the palette. */
export function HatchPattern({ id }: { id: string }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
      <rect width="8" height="8" fill="#ffffff" />
      <line x1="0" y1="0" x2="0" y2="8" stroke="#4a5560" strokeWidth="3" />
    </pattern>
  );
}
