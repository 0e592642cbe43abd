// Municipality boundaries (Valmyndigheten's, simplified), shipped with the app as hashed assets and
// fetched when the map needs them: the county's 15 (about 50 KB) with the map page, Sweden's 290
// (about 1 MB) only when the whole-Sweden view is chosen. Nothing comes from the internet.
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import swedenUrl from './data/sweden-municipalities.geojson?url';
import countyUrl from './data/vasterbotten-municipalities.geojson?url';

export type MapView = 'county' | 'sweden';

export interface MunicipalityProperties {
  code: string;
  name: string;
  county?: string;
}

export type MunicipalityFeature = Feature<Polygon | MultiPolygon, MunicipalityProperties>;
export type Boundaries = FeatureCollection<Polygon | MultiPolygon, MunicipalityProperties>;

const URLS: Record<MapView, string> = { county: countyUrl, sweden: swedenUrl };

/**
 * The files follow RFC 7946 (outer rings counter-clockwise); d3-geo works on the sphere and takes a
 * ring's inside to be on its right, so each ring is reversed (else a polygon would be the whole globe
 * but the municipality).
 */
export function forD3(collection: Boundaries): Boundaries {
  const rings = (polygon: Position[][]) => polygon.map((ring) => [...ring].reverse());
  return {
    ...collection,
    features: collection.features.map((f) => ({
      ...f,
      geometry:
        f.geometry.type === 'Polygon'
          ? { ...f.geometry, coordinates: rings(f.geometry.coordinates) }
          : { ...f.geometry, coordinates: f.geometry.coordinates.map(rings) },
    })),
  };
}

const loaded = new Map<MapView, Promise<Boundaries>>();

/** The view's boundaries, fetched once per page load (a failed fetch is tried again next time). */
export function loadBoundaries(view: MapView): Promise<Boundaries> {
  let found = loaded.get(view);
  if (!found) {
    found = fetch(URLS[view])
      .then((response) => {
        if (!response.ok) throw new Error(`boundaries: HTTP ${response.status}`);
        return response.json() as Promise<Boundaries>;
      })
      .then(forD3);
    found.catch(() => loaded.delete(view));
    loaded.set(view, found);
  }
  return found;
}
