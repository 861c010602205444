// axe on every kind of page of the second example agency, a supervision
// service, and of its internal output (see axe_suite.js).
import { axeTests } from "./axe_suite.js";

axeTests("supervision");
