import { Controller, Get, Header, Redirect } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CONSOLE_HTML } from './assets/page-html';
import { CONSOLE_JS } from './assets/page-script';
import { CONSOLE_CSS } from './assets/page-style';
import { CONSOLE_PATH, CONSOLE_SCRIPT_FILE, CONSOLE_STYLE_FILE, CONSOLE_URL } from './console.paths';
import { Public } from '../auth/access.decorators';

// The page and its assets are TypeScript string constants: nothing to copy at build time, the same under jest and
// from dist/. `no-cache` makes browsers revalidate, so a new release is picked up on the next load.
const NO_CACHE = 'no-cache';

/** The staff console: one static page calling the JSON API (served outside the `api/v1` prefix). */
@ApiExcludeController()
@Public()
@Controller(CONSOLE_PATH)
export class ConsoleController {
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', NO_CACHE)
  page(): string {
    return CONSOLE_HTML;
  }

  @Get(CONSOLE_SCRIPT_FILE)
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', NO_CACHE)
  script(): string {
    return CONSOLE_JS;
  }

  @Get(CONSOLE_STYLE_FILE)
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', NO_CACHE)
  style(): string {
    return CONSOLE_CSS;
  }
}

/** `GET /` sends a browser to the console. */
@ApiExcludeController()
@Public()
@Controller()
export class ConsoleRootController {
  @Get()
  @Redirect(CONSOLE_URL, 302)
  root(): void {}
}
