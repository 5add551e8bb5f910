/**
 * Imported by the render function for its effect alone: the CJK font is read and parsed (≈0.3 s)
 * while Lambda initialises the function, so the first certificate does not wait for it. A module of
 * its own so that the benchmark can build the function without it and compare the first request. The
 * fallback fonts are not preloaded: few documents need one, and one is parsed in well under 0.1 s.
 */
import { cjkFont } from '#templates/pdf/fonts';

cjkFont();
