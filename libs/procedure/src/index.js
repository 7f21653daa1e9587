"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PROCEDURE_PLACEHOLDER = void 0;
exports.PROCEDURE_PLACEHOLDER = 1;
//# sourceMappingURL=index.js.map