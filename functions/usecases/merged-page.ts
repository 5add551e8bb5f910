/**
 * One page of several lists merged newest first, each list one Query continuing from its own place
 * (the archive's statuses, the licenses desk's issued and marked certificates):
 * 1. each list is read from where the last page left it ('' for a list not read yet);
 * 2. a list that holds more was read down to its last item: nothing below that may be shown yet, so
 *    a page stops there, and nothing is skipped or shown twice between pages;
 * 3. `keep` narrows what the page shows; what it leaves out is still read past;
 * 4. the next places are where each list stopped, without the lists read to their end.
 */

/** One list's read: its items newest first, and whether the index holds more after them. */
export interface ListRead<T> {
  items: T[];
  more: boolean;
}

/** Each list's place: the position of the last item read, '' for a list not read yet. */
export type Places<L extends string> = Partial<Record<L, string>>;

export async function mergedPage<L extends string, T>(options: {
  places: Places<L>;
  read: (list: L, after: string | undefined) => Promise<ListRead<T>>;
  positionOf: (item: T) => string;
  size: number;
  keep?: (item: T) => boolean;
}): Promise<{ items: { list: L; item: T }[]; next?: Places<L> }> {
  const { places, positionOf, size, keep = () => true } = options;
  const lists = await Promise.all(
    (Object.keys(places) as L[]).map(async (list) => ({
      list,
      ...(await options.read(list, places[list] || undefined)),
    })),
  );
  const floor = lists
    .filter((l) => l.more && l.items.length > 0)
    .map((l) => positionOf(l.items.at(-1)!))
    .sort()
    .at(-1);
  const candidates = lists
    .flatMap((l) => l.items.map((item) => ({ list: l.list, item, at: positionOf(item) })))
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const items: { list: L; item: T }[] = [];
  const next: Places<L> = { ...places };
  const read = new Map<L, number>();
  for (const candidate of candidates) {
    if (items.length === size || (floor !== undefined && candidate.at < floor)) break;
    next[candidate.list] = candidate.at;
    read.set(candidate.list, (read.get(candidate.list) ?? 0) + 1);
    if (keep(candidate.item)) items.push({ list: candidate.list, item: candidate.item });
  }
  for (const list of lists) {
    if (!list.more && (read.get(list.list) ?? 0) === list.items.length) delete next[list.list];
  }
  return Object.keys(next).length > 0 ? { items, next } : { items };
}

/** A page's next places as the opaque cursor its "earlier" link carries. */
export function cursorOf<L extends string>(places: Places<L>): string {
  return Buffer.from(JSON.stringify(places)).toString('base64url');
}

/**
 * The places a cursor carries, or undefined when it is not one `cursorOf` wrote for these lists
 * (a next page always names at least one list, each with its position).
 */
export function placesOf<L extends string>(cursor: string, lists: readonly L[]): Places<L> | undefined {
  let places: unknown;
  try {
    places = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const valid =
    typeof places === 'object' &&
    places !== null &&
    !Array.isArray(places) &&
    Object.keys(places).length > 0 &&
    Object.entries(places).every(
      ([list, at]) => (lists as readonly string[]).includes(list) && typeof at === 'string',
    );
  return valid ? (places as Places<L>) : undefined;
}
