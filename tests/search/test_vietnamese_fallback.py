"""Vietnamese typed without diacritics on the database fallback (issue 15, item 1): each query, typed the way
most readers abroad type it, must find its page. The table in docs/search.md comes from this module:

    .venv/bin/python -m pytest tests/search/test_vietnamese_fallback.py -q -p no:cacheprovider -rA
"""

import pytest

from search.selectors import pages_search

from .helpers import publish_article

pytestmark = pytest.mark.django_db

# (query without diacritics, title of the page it must find, body)
VIETNAMESE = [
    ("chuyen doi so", "Chuyển đổi số trong ngành ngoại giao", "Bộ Ngoại giao đẩy mạnh chuyển đổi số."),
    ("nguyen thi thanh", "Đại sứ trình quốc thư", "Đại sứ Nguyễn Thị Thanh trình quốc thư lên Tổng thống."),
    ("dai su quan", "Đại sứ quán kỷ niệm Quốc khánh", "Lễ kỷ niệm tại trụ sở."),
    ("ho chieu", "Hướng dẫn cấp hộ chiếu phổ thông", "Hồ sơ gồm tờ khai và ảnh."),
    ("thi thuc", "Miễn thị thực cho công dân Pháp", "Thời hạn tạm trú 45 ngày."),
    ("bao ho cong dan", "Bảo hộ công dân tại nước ngoài", "Đường dây nóng hoạt động suốt ngày đêm."),
    ("dong bang song cuu long", "Hợp tác nông nghiệp", "Dự án tại Đồng bằng sông Cửu Long."),
    ("le hoai trung", "Phát biểu của Thứ trưởng", "Thứ trưởng Lê Hoài Trung phát biểu khai mạc."),
    ("hoi nghi thuong dinh", "Hội nghị thượng đỉnh ASEAN", "Các nhà lãnh đạo thông qua tuyên bố chung."),
    ("kieu bao", "Gặp mặt kiều bào dịp Tết", "Chương trình Xuân Quê hương."),
]


@pytest.mark.parametrize(("query", "title", "body"), VIETNAMESE, ids=[row[0] for row in VIETNAMESE])
def test_vietnamese_typed_without_diacritics_finds_its_page_on_the_fallback(hanoi, query, title, body):
    pages = {row[1]: publish_article(hanoi, title=row[1], body=row[2], language="vi").pk for row in VIETNAMESE}

    results = pages_search(q=query)

    assert results.backend == "database"
    assert pages[title] in [hit.page_id for hit in results.hits][:3]
