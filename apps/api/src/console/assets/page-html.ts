import { CONSOLE_SCRIPT_URL, CONSOLE_STYLE_URL } from '../console.paths';

// The console's only page. No inline script or style (helmet's Content-Security-Policy forbids inline scripts):
// behaviour comes from CONSOLE_SCRIPT_URL, looks from CONSOLE_STYLE_URL. Text is Vietnamese first, English second.

export const CONSOLE_HTML = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Quy trình kết nạp đảng viên / Party admission — charterflow</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${CONSOLE_STYLE_URL}">
<script src="${CONSOLE_SCRIPT_URL}" defer></script>
</head>
<body>
<a class="skip" href="#main">Bỏ qua, đến nội dung chính / <span lang="en">Skip to main content</span></a>
<header class="top">
  <h1>Quy trình kết nạp đảng viên <span class="en" lang="en">/ Party admission — staff console</span></h1>
  <nav aria-label="Mục chính / Main sections">
    <ul>
      <li><a href="#cases">Hồ sơ kết nạp <span lang="en">/ Admission cases</span></a></li>
      <li><a href="#audit">Kiểm tra <span lang="en">/ Audit</span></a></li>
      <li><a href="#organisations">Tổ chức đảng <span lang="en">/ Party organisations</span></a></li>
      <li><a href="/api/docs">Tài liệu API <span lang="en">/ API reference</span></a></li>
    </ul>
  </nav>
  <p id="session" class="session" hidden>
    <span id="session-user"></span>
    <button type="button" id="logout">Đăng xuất / <span lang="en">Sign out</span></button>
  </p>
</header>

<main id="main" tabindex="-1">
<noscript><p class="error">Trang này cần JavaScript. / <span lang="en">This page needs JavaScript.</span></p></noscript>
<div id="status" class="status" role="status" aria-live="polite"></div>

<section id="login" class="panel" hidden aria-labelledby="login-title">
  <h2 id="login-title">Đăng nhập / <span lang="en">Sign in</span></h2>
  <form id="login-form">
    <p><label for="login-username">Tên đăng nhập / <span lang="en">Username</span></label>
      <input id="login-username" name="username" autocomplete="username" required></p>
    <p><label for="login-password">Mật khẩu / <span lang="en">Password</span></label>
      <input id="login-password" name="password" type="password" autocomplete="current-password" required></p>
    <p><button type="submit">Đăng nhập / <span lang="en">Sign in</span></button></p>
    <div class="form-error" role="alert"></div>
  </form>
</section>

<section id="cases" class="panel" aria-labelledby="cases-title">
  <h2 id="cases-title">Hồ sơ kết nạp <span lang="en">/ Admission cases</span></h2>
  <form id="case-filter" class="filters" role="search">
    <p><label for="filter-state">Trạng thái / <span lang="en">State</span></label>
      <select id="filter-state" name="state"><option value="">Tất cả / All</option></select></p>
    <p><label for="filter-organisation">Tổ chức (cả cấp dưới) / <span lang="en">Organisation (with its subtree)</span></label>
      <select id="filter-organisation" name="organisationId" data-organisations="all"><option value="">Tất cả / All</option></select></p>
    <p><label for="filter-due">Có hạn trước ngày / <span lang="en">Open deadline due by</span></label>
      <input id="filter-due" name="dueBefore" type="date"></p>
    <p><label for="filter-q">Tên người vào Đảng / <span lang="en">Candidate name</span></label>
      <input id="filter-q" name="q" type="search" maxlength="200" placeholder="Nguyễn Văn A"></p>
    <p class="actions"><button type="submit">Tìm / <span lang="en">Search</span></button>
      <button type="reset" class="secondary">Xóa bộ lọc / <span lang="en">Clear</span></button></p>
  </form>
  <div class="table-wrap">
    <table id="case-table">
      <caption>Danh sách hồ sơ / <span lang="en">Cases found</span></caption>
      <thead><tr>
        <th scope="col">Họ và tên / <span lang="en">Name</span></th>
        <th scope="col">Ngày sinh / <span lang="en">Born</span></th>
        <th scope="col">Trạng thái / <span lang="en">State</span></th>
        <th scope="col">Tổ chức / <span lang="en">Organisation</span></th>
        <th scope="col">Hạn gần nhất / <span lang="en">Next deadline</span></th>
        <th scope="col">Phiên bản / <span lang="en">Version</span></th>
      </tr></thead>
      <tbody></tbody>
    </table>
  </div>
  <p id="case-empty" hidden>Không có hồ sơ nào. / <span lang="en">No case found.</span></p>
  <p><button type="button" id="case-more" class="secondary" hidden>Xem thêm / <span lang="en">Load more</span></button></p>

  <details id="case-create-box">
    <summary>Mở hồ sơ mới / <span lang="en">Open a new case</span></summary>
    <form id="case-create" class="grid">
      <p class="wide hint">Ngày chi bộ ra nghị quyết đưa vào danh sách quần chúng ưu tú. / <span lang="en">The date of the cell resolution putting the person on the sympathiser list.</span></p>
      <p><label for="cc-organisation">Chi bộ / <span lang="en">Party cell</span></label>
        <select id="cc-organisation" name="organisationId" data-organisations="cell" required><option value="">— Chọn / Choose —</option></select></p>
      <p><label for="cc-occurred">Ngày nghị quyết / <span lang="en">Resolution date</span></label>
        <input id="cc-occurred" name="occurredOn" type="date" required></p>
      <p><label for="cc-name">Họ và tên / <span lang="en">Full name</span></label>
        <input id="cc-name" name="fullName" maxlength="200" required autocomplete="off"></p>
      <p><label for="cc-dob">Ngày sinh / <span lang="en">Date of birth</span></label>
        <input id="cc-dob" name="dateOfBirth" type="date" required></p>
      <p><label for="cc-gender">Giới tính / <span lang="en">Gender</span></label>
        <select id="cc-gender" name="gender" data-labels="gender" required></select></p>
      <p><label for="cc-ethnicity">Dân tộc / <span lang="en">Ethnicity</span></label>
        <input id="cc-ethnicity" name="ethnicity" maxlength="100" value="Kinh" required></p>
      <p><label for="cc-religion">Tôn giáo (để trống nếu không) / <span lang="en">Religion (blank if none)</span></label>
        <input id="cc-religion" name="religion" maxlength="100"></p>
      <p><label for="cc-education">Trình độ học vấn / <span lang="en">Education</span></label>
        <select id="cc-education" name="education" data-labels="education" required></select></p>
      <p><label for="cc-area">Địa bàn / <span lang="en">Area</span></label>
        <select id="cc-area" name="areaType" data-labels="areaType" required></select></p>
      <p><label for="cc-occupation">Nghề nghiệp / <span lang="en">Occupation</span></label>
        <input id="cc-occupation" name="occupation" maxlength="200" required></p>
      <p class="check"><input id="cc-youth" name="youthUnionMember" type="checkbox">
        <label for="cc-youth">Đoàn viên Đoàn TNCS Hồ Chí Minh / <span lang="en">Youth Union member</span></label></p>
      <p class="check"><input id="cc-trade" name="tradeUnionMember" type="checkbox">
        <label for="cc-trade">Đoàn viên Công đoàn / <span lang="en">Trade Union member</span></label></p>
      <p class="wide actions"><button type="submit">Mở hồ sơ / <span lang="en">Open case</span></button></p>
      <div class="wide form-error" role="alert"></div>
    </form>
  </details>
</section>

<section id="case" class="panel" hidden aria-labelledby="case-title">
  <h2 id="case-title" tabindex="-1"></h2>
  <p><button type="button" id="case-reload" class="secondary">Tải lại / <span lang="en">Reload</span></button>
    <button type="button" id="case-close" class="secondary">Đóng / <span lang="en">Close</span></button></p>
  <dl id="case-summary" class="summary"></dl>

  <h3>Chi tiết trạng thái / <span lang="en">State detail</span></h3>
  <pre id="case-state-detail" class="json"></pre>

  <h3>Thời hạn / <span lang="en">Deadlines</span></h3>
  <div class="table-wrap">
    <table id="deadline-table">
      <caption class="visually-hidden">Thời hạn của hồ sơ / <span lang="en">Deadlines of the case</span></caption>
      <thead><tr>
        <th scope="col">Loại / <span lang="en">Kind</span></th>
        <th scope="col">Hạn cuối / <span lang="en">Due</span></th>
        <th scope="col">Tình trạng / <span lang="en">Status</span></th>
        <th scope="col">Căn cứ / <span lang="en">Source</span></th>
      </tr></thead>
      <tbody></tbody>
    </table>
  </div>
  <p id="deadline-empty" hidden>Chưa có thời hạn. / <span lang="en">No deadline yet.</span></p>

  <h3>Kiểm tra việc chấp hành quy trình / <span lang="en">Compliance</span></h3>
  <p id="compliance-summary"></p>
  <div class="table-wrap">
    <table id="compliance-table">
      <caption class="visually-hidden">Các nội dung kiểm tra vi phạm / <span lang="en">Failed compliance checks</span></caption>
      <thead><tr>
        <th scope="col">Mã / <span lang="en">Check</span></th>
        <th scope="col">Vi phạm / <span lang="en">Breach</span></th>
        <th scope="col">Ngày / <span lang="en">Date</span></th>
        <th scope="col">Căn cứ / <span lang="en">Source</span></th>
      </tr></thead>
      <tbody></tbody>
    </table>
  </div>

  <h3 id="record-title">Ghi nhận bước tiếp theo / <span lang="en">Record a step</span></h3>
  <p id="allowed-events-empty" hidden>Không có bước nào được phép ở trạng thái này. / <span lang="en">No event is allowed in this state.</span></p>
  <form id="event-form" aria-labelledby="record-title">
    <p><label for="event-type">Sự kiện được phép / <span lang="en">Allowed event</span></label>
      <select id="event-type" name="type" required></select></p>
    <p><label for="event-payload">Nội dung (JSON) / <span lang="en">Payload (JSON)</span></label>
      <textarea id="event-payload" name="payload" rows="10" spellcheck="false" aria-describedby="event-payload-hint"></textarea></p>
    <p id="event-payload-hint" class="hint">Gửi kèm <code>If-Match</code> = phiên bản hiện tại và một <code>Idempotency-Key</code> mới. /
      <span lang="en">Sent with <code>If-Match</code> = the current version and a fresh <code>Idempotency-Key</code>.</span></p>
    <p class="actions"><button type="submit">Ghi nhận / <span lang="en">Record</span></button>
      <button type="button" id="event-template" class="secondary">Mẫu ban đầu / <span lang="en">Reset template</span></button></p>
    <div id="event-error" class="form-error" role="alert"></div>
  </form>

  <h3>Lịch sử / <span lang="en">History</span></h3>
  <div class="table-wrap">
    <table id="history-table">
      <caption class="visually-hidden">Các sự kiện của hồ sơ, cũ nhất trước / <span lang="en">Events of the case, oldest first</span></caption>
      <thead><tr>
        <th scope="col">#</th>
        <th scope="col">Sự kiện / <span lang="en">Event</span></th>
        <th scope="col">Ngày / <span lang="en">Date</span></th>
        <th scope="col">Chuyển trạng thái / <span lang="en">State change</span></th>
        <th scope="col">Người ghi / <span lang="en">Actor</span></th>
        <th scope="col">Nội dung / <span lang="en">Payload</span></th>
      </tr></thead>
      <tbody></tbody>
    </table>
  </div>
</section>

<section id="audit" class="panel" aria-labelledby="audit-title">
  <h2 id="audit-title">Kiểm tra vi phạm quy trình <span lang="en">/ Procedural violations</span></h2>
  <p><button type="button" id="audit-load" class="secondary">Tải danh sách / <span lang="en">Load the list</span></button></p>
  <p id="audit-totals"></p>
  <div class="table-wrap">
    <table id="audit-table">
      <caption class="visually-hidden">Vi phạm trong phạm vi của bạn / <span lang="en">Violations in your subtree</span></caption>
      <thead><tr>
        <th scope="col">Mã / <span lang="en">Check</span></th>
        <th scope="col">Vi phạm / <span lang="en">Breach</span></th>
        <th scope="col">Người vào Đảng / <span lang="en">Candidate</span></th>
        <th scope="col">Tổ chức / <span lang="en">Organisation</span></th>
        <th scope="col">Ngày / <span lang="en">Date</span></th>
        <th scope="col">Mức độ / <span lang="en">Severity</span></th>
      </tr></thead>
      <tbody></tbody>
    </table>
  </div>
</section>

<section id="organisations" class="panel" aria-labelledby="organisations-title">
  <h2 id="organisations-title">Tổ chức đảng <span lang="en">/ Party organisations</span></h2>
  <div id="organisation-tree" class="tree"></div>
  <p id="organisation-empty" hidden>Chưa có tổ chức nào. / <span lang="en">No organisation yet.</span></p>
  <details id="organisation-create-box">
    <summary>Thêm tổ chức / <span lang="en">Add an organisation</span></summary>
    <form id="organisation-create" class="grid">
      <p><label for="oc-name">Tên / <span lang="en">Name</span></label>
        <input id="oc-name" name="orgName" maxlength="300" required placeholder="Chi bộ Giáo viên"></p>
      <p><label for="oc-kind">Cấp / <span lang="en">Kind</span></label>
        <select id="oc-kind" name="kind" data-labels="organisationKind" required></select></p>
      <p><label for="oc-parent">Trực thuộc / <span lang="en">Parent</span></label>
        <select id="oc-parent" name="parentId" data-organisations="all"><option value="">— Không (cấp gốc) / None (root) —</option></select></p>
      <p class="check"><input id="oc-authorised" name="authorisedToAdmit" type="checkbox">
        <label for="oc-authorised">Được ủy quyền quyết định kết nạp (chỉ đảng ủy cơ sở) / <span lang="en">Authorised to decide admissions (grassroots only)</span></label></p>
      <p class="check"><input id="oc-youth-union" name="hasYouthUnion" type="checkbox" checked>
        <label for="oc-youth-union">Đơn vị có tổ chức Đoàn Thanh niên / <span lang="en">The unit has a Youth Union</span></label></p>
      <p class="check"><input id="oc-trade-union" name="hasTradeUnion" type="checkbox" checked>
        <label for="oc-trade-union">Đơn vị có tổ chức công đoàn / <span lang="en">The unit has a trade union</span></label></p>
      <p class="wide actions"><button type="submit">Thêm / <span lang="en">Add</span></button></p>
      <div class="wide form-error" role="alert"></div>
    </form>
  </details>
</section>
</main>
<footer class="foot"><p>charterflow — ngày tính theo giờ Việt Nam / <span lang="en">dates in Asia/Ho_Chi_Minh time</span>.</p></footer>
</body>
</html>
`;
