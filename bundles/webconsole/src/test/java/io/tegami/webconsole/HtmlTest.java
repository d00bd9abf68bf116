package io.tegami.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void markupCharactersBecomeEntities() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
                Html.escape("<a href=\"x\" title='y'>&amp;</a>"));
    }

    @Test
    void controlCharactersAreReplaced() {
        assertEquals("a&#xFFFD;b&#xFFFD;c\td", Html.escape("a\u0000b\u001bc\td"));
    }

    @Test
    void plainTextIsReturnedAsIsAndNullIsEmpty() {
        String s = "alice@example.org (mail transport unavailable)";
        assertSame(s, Html.escape(s));
        assertEquals("", Html.escape(null));
        assertEquals("42", Html.escape(42));
    }
}
