#include "json/JsonMemberList.h"

namespace sessionlens {

void JsonMemberList::clear()
{
    m_members.clear();
    m_text.clear();
}

} // namespace sessionlens
