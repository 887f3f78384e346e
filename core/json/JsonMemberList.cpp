#include "json/JsonMemberList.h"

namespace sessionlens {

void JsonMemberList::clear()
{
    // The storage is kept for the next text, unless a hostile one (half a million members is
    // within the node limit) grew it: that is given back.
    if (m_members.capacity() > kKeptMembers)
        std::vector<Member>().swap(m_members);
    else
        m_members.clear();
    m_text.clear();
}

} // namespace sessionlens
