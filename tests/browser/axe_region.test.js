// axe on every kind of page of the demo region's own section (its home page
// with the summary, the life situations across agencies, its own pages,
// search and open data); the agencies' sites in it are the demo's and the
// supervision service's (see axe_suite.js).
import { axeTests } from "./axe_suite.js";

axeTests("region");
