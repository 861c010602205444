// axe on every kind of page of the demo site and of its internal output (see axe_suite.js).
import { axeTests } from "./axe_suite.js";

axeTests("demo");
