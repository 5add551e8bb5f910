/** A stored record with the revision it was read at, for a replace written conditionally on it. */
export interface Versioned<T> {
  value: T;
  revision: number;
}
