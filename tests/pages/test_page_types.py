import pytest
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from pages.blocks import CallToActionBlock, ContentStreamBlock, ImageBlock
from pages.models import ContentPage, HelpPage, PartnersPage, VisitPage
from tests.demo_case import DemoSiteTestCase


class PageTypeRulesTests(WagtailPageTestCase):
    def test_home_pages_sit_at_the_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(ContentPage, HomePage)

    def test_help_partner_and_visit_pages_sit_under_home_once_each(self):
        root = Page.get_first_root_node()
        for page_type in (HelpPage, PartnersPage, VisitPage):
            with self.subTest(page_type=page_type.__name__):
                self.assertCanCreateAt(HomePage, page_type)
                self.assertCanNotCreateAt(ContentPage, page_type)
                self.assertFalse(page_type.can_create_at(root))
                assert page_type.max_count_per_parent == 1
                assert page_type.allowed_subpage_models() == []

    def test_content_pages_sit_under_home_and_under_each_other(self):
        self.assertCanCreateAt(HomePage, ContentPage)
        self.assertCanCreateAt(ContentPage, ContentPage)
        self.assertFalse(ContentPage.can_create_at(Page.get_first_root_node()))


class PageRenderingTests(DemoSiteTestCase, WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.home = HomePage.objects.get(locale__language_code="fi")
        cls.content = ContentPage.objects.get(locale__language_code="fi", slug="yhteiskehittaminen")

    def test_home_page_renders(self):
        self.assertPageIsRenderable(self.home)

    def test_content_page_renders(self):
        self.assertPageIsRenderable(self.content)

    def test_faq_items_render_as_details(self):
        body = self.client.get(self.content.url).content.decode()
        assert '<details class="faq">' in body
        assert "<summary>Voinko ottaa lapset mukaan?</summary>" in body

    def test_content_page_lists_its_subpages(self):
        body = self.client.get("/malli/").content.decode()
        for title in ("Periaatteet", "Miten kehitämme yhdessä", "Kuka kohtaamispaikkaa johtaa"):
            assert title in body


@pytest.mark.django_db
def test_image_needs_alt_text_unless_decorative():
    image = Image.objects.create(title="Leikkihuone", file=get_test_image_file())
    block = ImageBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean({"image": image, "alt_text": " ", "decorative": False, "caption": ""})
    assert error.value.block_errors["alt_text"].code == "alt_required"
    assert block.clean({"image": image, "alt_text": "", "decorative": True, "caption": ""})["decorative"]
    assert block.clean({"image": image, "alt_text": "Lapsia leikkimässä", "decorative": False, "caption": ""})


def test_call_to_action_needs_exactly_one_target():
    block = CallToActionBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean({"text": "Lue lisää", "page": None, "url": ""})


def test_body_offers_the_agreed_blocks():
    assert set(ContentStreamBlock.base_blocks) == {
        "heading",
        "paragraph",
        "image",
        "call_to_action",
        "quote",
        "faq",
        "steering_group",
    }
