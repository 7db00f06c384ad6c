import Testing
@testable import TillitImport

@Suite struct HTMLTextTests {
    @Test("HTML to text", arguments: [
        ("<p>Hej &amp; v&auml;lkommen</p><p>Rad<br>två</p>", "Hej & välkommen\n\nRad\ntvå"),
        ("a <b>b</b>  c\n d", "a b c d"),
        ("x<br/><br/>y", "x\n\ny"),
        ("<ul><li>one</li><li>two</li></ul>", "one\ntwo"),
        ("1 < 2 &lt; 3 &#229;&#xE5; &bogus; &amp", "1 < 2 < 3 åå &bogus; &amp"),
        ("<script>alert(1)</script>ok<style>p{}</style><!-- c -->!", "ok!"),
        ("<a href=\"x>y\" title='a>b'>link</a>", "link"),
        ("", ""),
    ])
    func plain(_ html: String, _ text: String) {
        #expect(HTMLText.plainText(html) == text)
    }

    @Test("entity rewriting for XML: HTML names become numeric references, XML's own stay, split chunks are carried")
    func rewrite() {
        var out: [UInt8] = []
        var carry: [UInt8] = []
        XMLInput.rewriteEntities(Array("a&aacute;b&amp;c&nbsp".utf8), into: &out, carry: &carry, final: false)
        #expect(String(decoding: out, as: UTF8.self) == "a&#225;b&amp;c")
        #expect(String(decoding: carry, as: UTF8.self) == "&nbsp")
        XMLInput.rewriteEntities(carry + Array(";d&unknown;".utf8), into: &out, carry: &carry, final: false)
        #expect(String(decoding: out, as: UTF8.self) == "a&#225;b&amp;c&#160;d&unknown;")
    }
}
